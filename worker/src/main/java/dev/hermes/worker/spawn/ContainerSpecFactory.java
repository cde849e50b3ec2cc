package dev.hermes.worker.spawn;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.RuntimeLimits;
import dev.hermes.worker.docker.RuntimeNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a family, the global settings and its account into the exact container the seed describes. */
public final class ContainerSpecFactory {
    /** What the config hash covers in place of the identity block when none is known. */
    static final String IDENTITY_KEPT = "(identity block kept as it is in the volume)";

    private final ApiKeys apiKeys;
    private final AgentImage image;
    private final Path pluginsDir;
    private final int agentPort;
    private final String publishHost;
    private final String fleet;
    private final Map<String, String> extraLabels;
    private final RuntimeLimits limits;
    private final RuntimeNetwork network;

    /** Specs created from {@code image} taken as it is named (unit tests, the benchmark). */
    public ContainerSpecFactory(
            ApiKeys apiKeys,
            String image,
            Path pluginsDir,
            int agentPort,
            String publishHost,
            String fleet,
            Map<String, String> extraLabels,
            RuntimeLimits limits) {
        this(apiKeys, AgentImage.fixed(image), pluginsDir, agentPort, publishHost, fleet, extraLabels, limits);
    }

    /** @param image the agent image; each spec is created from the id it resolves to at that moment */
    public ContainerSpecFactory(
            ApiKeys apiKeys,
            AgentImage image,
            Path pluginsDir,
            int agentPort,
            String publishHost,
            String fleet,
            Map<String, String> extraLabels,
            RuntimeLimits limits) {
        this.limits = limits;
        this.network = RuntimeNetwork.forFleet(fleet, extraLabels);
        this.fleet = fleet;
        this.extraLabels = extraLabels;
        this.apiKeys = apiKeys;
        this.image = image;
        this.pluginsDir = pluginsDir;
        this.agentPort = agentPort;
        this.publishHost = publishHost;
    }

    /** The fleet every spec is labelled with ({@code hermes.fleet}). */
    public String fleet() {
        return fleet;
    }

    /**
     * The id runtimes are created from right now.
     *
     * @throws ImageUnavailableException when the image reference names none
     */
    public String imageId() {
        return image.id();
    }

    /** @throws ImageUnavailableException when the image reference names no image */
    public ContainerSpec specFor(UserId user, GlobalSettings settings, Account account) {
        return specFor(user, settings, Optional.of(account));
    }

    /**
     * @param account the family's account; empty when it is not known (PostgreSQL down and never read): the seed
     *     then leaves the identity block in the volume as it is, and the config hash says so ({@link
     *     #IDENTITY_KEPT}), so that the runtime is recreated with its identity once the account is read and stored
     *     again, and never on its own
     * @throws ImageUnavailableException when the image reference names no image
     */
    public ContainerSpec specFor(UserId user, GlobalSettings settings, Optional<Account> account) {
        String imageId = image.id();
        String config = ManagedConfig.configYaml(settings, agentPort);
        String identity = account.map(ManagedConfig::identityBlock).orElse("");
        String configHash = ManagedConfig.hash(
                imageId,
                config,
                identity.isEmpty() ? IDENTITY_KEPT : identity,
                SeedScript.SCRIPT,
                limits.fingerprint(),
                network.fingerprint());
        List<String> env = new ArrayList<>();
        env.add("API_SERVER_KEY=" + apiKeys.keyFor(user));
        env.add("API_SERVER_HOST=0.0.0.0");
        env.add("API_SERVER_PORT=" + agentPort);
        env.add("HERMES_HOME=/opt/data");
        env.add(SeedScript.CONFIG_ENV + "=" + base64(config));
        env.add(SeedScript.IDENTITY_ENV + "=" + base64(identity));
        settings.apiKey().ifPresent(key -> env.add(settings.providerKeyEnv() + "=" + key.reveal()));
        Map<String, String> labels = new java.util.HashMap<>(extraLabels);
        labels.putAll(Map.of(
                ContainerSpec.LABEL_MANAGED,
                "true",
                ContainerSpec.LABEL_USER,
                user.value(),
                ContainerSpec.LABEL_SETTINGS_VERSION,
                Long.toString(settings.version()),
                ContainerSpec.LABEL_CONFIG_HASH,
                configHash,
                ContainerSpec.LABEL_FLEET,
                fleet,
                ContainerSpec.LABEL_IMAGE_ID,
                imageId));
        return new ContainerSpec(
                user.containerName(),
                user.volumeName(),
                imageId,
                pluginsDir,
                agentPort,
                publishHost,
                Map.copyOf(labels),
                List.copyOf(env),
                settings.version(),
                configHash,
                limits,
                network);
    }

    public int agentPort() {
        return agentPort;
    }

    public String publishHost() {
        return publishHost;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
