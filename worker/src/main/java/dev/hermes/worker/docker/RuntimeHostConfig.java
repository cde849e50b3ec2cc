package dev.hermes.worker.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.util.List;
import java.util.Map;

/**
 * The host config of every runtime: volume and plugins binds, the agent port published on the publish host,
 * Docker's init, the fleet network, and the least-privilege limits. One definition, so the benchmark's raw
 * baseline creates exactly what the worker creates.
 */
public final class RuntimeHostConfig {
    private RuntimeHostConfig() {}

    public static ExposedPort agentPort(ContainerSpec spec) {
        return ExposedPort.tcp(spec.agentPort());
    }

    public static HostConfig of(ContainerSpec spec, String networkId) {
        RuntimeLimits limits = spec.limits();
        return HostConfig.newHostConfig()
                .withBinds(
                        new Bind(spec.volume(), new Volume("/opt/data")),
                        new Bind(spec.pluginsDir().toString(), new Volume("/opt/data/plugins"), AccessMode.ro))
                .withPortBindings(new PortBinding(Ports.Binding.bindIp(spec.publishHost()), agentPort(spec)))
                .withInit(true)
                .withNetworkMode(networkId)
                .withCapDrop(Capability.ALL)
                .withCapAdd(limits.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new))
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withNanoCPUs(limits.nanoCpus())
                .withPidsLimit(limits.pidsLimit())
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE,
                        Map.of("max-size", limits.logMaxSize(), "max-file", Integer.toString(limits.logMaxFile()))));
    }
}
