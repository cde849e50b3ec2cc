package dev.hermes.worker.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;

/** Runs a shell script inside a running container as a given user and returns what it printed. */
public final class ContainerShell {
    private ContainerShell() {}

    public record Output(int exitCode, String stdout, String stderr) {}

    /** {@code sh -c script} as {@code user} ({@code "0"}, {@code "10000:10000"}, ...). */
    public static Output run(DockerClient docker, String container, String user, String script) {
        String exec = docker.execCreateCmd(container)
                .withUser(user)
                .withCmd("sh", "-c", script)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        try {
            docker.execStartCmd(exec)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                            (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
                        }
                    })
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return new Output(code == null ? -1 : code.intValue(), out.toString(), err.toString());
    }

    /** Like {@link #run}, but fails the test unless the script exits 0. */
    public static String check(DockerClient docker, String container, String user, String script) {
        Output output = run(docker, container, user, script);
        if (output.exitCode() != 0) {
            throw new AssertionError("`" + script + "` as " + user + " in " + container + " exited " + output.exitCode()
                    + ": " + output.stderr());
        }
        return output.stdout();
    }
}
