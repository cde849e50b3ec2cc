package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Docker's image calls on docker-java, for {@link DockerJava}. */
final class DockerImages {
    private final DockerClient docker;

    DockerImages(DockerClient docker) {
        this.docker = docker;
    }

    Optional<String> imageId(String reference) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    void pull(String reference, Duration timeout) {
        PullImageResultCallback pull = null;
        try {
            pull = docker.pullImageCmd(ImageReferences.withTag(reference)).exec(new PullImageResultCallback());
            if (!pull.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DockerCallFailedException(
                        "pull of " + reference + " did not finish within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerCallFailedException("interrupted while pulling " + reference, e);
        } catch (DockerCallFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a refusal comes as DockerException, an error in the pull's progress stream as DockerClientException
            throw new DockerCallFailedException("pull of " + reference + " failed: " + e.getMessage(), e);
        } finally {
            DockerEventStreams.closeQuietly(pull);
        }
    }
}
