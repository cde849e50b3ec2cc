package dev.hermes.worker.docker;

import java.util.Map;

/**
 * A container that only carries a volume for the archive calls ({@link Docker#archiveOf}, {@link Docker#extract}):
 * created from {@code image}, never started, with no network, {@code volume} mounted at {@code mountPath}.
 */
public record CarrierSpec(String name, String image, String volume, String mountPath, Map<String, String> labels) {}
