package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.core.InvocationBuilder;

/**
 * A container's resident memory as `docker stats` reports it: the cgroup's usage minus its page cache (cgroup v1:
 * total_cache, else cache; cgroup v2: inactive_file), which a paused container keeps but the kernel can reclaim.
 */
public final class PausedMemory {
    private final DockerClient docker;

    public PausedMemory(DockerClient docker) {
        this.docker = docker;
    }

    /** Resident MB of {@code containerIdOrName} now; NaN when the engine gives no memory figures. */
    public double residentMb(String containerIdOrName) {
        InvocationBuilder.AsyncResultCallback<Statistics> callback = new InvocationBuilder.AsyncResultCallback<>();
        docker.statsCmd(containerIdOrName).withNoStream(true).exec(callback);
        Statistics stats = callback.awaitResult();
        MemoryStatsConfig memory = stats == null ? null : stats.getMemoryStats();
        if (memory == null || memory.getUsage() == null) {
            return Double.NaN;
        }
        return residentBytes(memory.getUsage(), memory.getStats()) / (1024.0 * 1024.0);
    }

    /** usage minus the reclaimable page cache, never below 0. */
    static long residentBytes(long usage, StatsConfig stats) {
        long cache = 0;
        if (stats != null) {
            if (stats.getTotalCache() != null) {
                cache = stats.getTotalCache();
            } else if (stats.getCache() != null) {
                cache = stats.getCache();
            } else if (stats.getInactiveFile() != null) {
                cache = stats.getInactiveFile();
            }
        }
        return Math.max(0, usage - cache);
    }
}
