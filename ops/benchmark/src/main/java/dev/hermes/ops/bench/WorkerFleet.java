package dev.hermes.ops.bench;

import dev.hermes.ops.cli.CliEnv;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The local stack's workers: how many run (their metrics ports 9401, 9402, ... answer; or
 * HERMES_BENCH_WORKERS), their consumer group, and their recreate concurrency per worker.
 */
public record WorkerFleet(int workers, String group, int recreateConcurrencyPerWorker, int partitions) {
    static final int FIRST_METRICS_PORT = 9401;

    public static WorkerFleet detect(CliEnv env) {
        String given = env.get("HERMES_BENCH_WORKERS", null);
        int workers = given != null ? Integer.parseInt(given) : countListening(FIRST_METRICS_PORT, 32);
        return new WorkerFleet(
                Math.max(1, workers),
                env.get("HERMES_GROUP_ID", "hermes-workers"),
                Integer.parseInt(env.get("HERMES_RECREATE_CONCURRENCY", "4")),
                Integer.parseInt(env.get("HERMES_PARTITIONS", "24")));
    }

    /** How many raw recreates run at once to match the fleet: HERMES_RECREATE_CONCURRENCY x workers. */
    public int recreateConcurrency() {
        return recreateConcurrencyPerWorker * workers;
    }

    private static int countListening(int firstPort, int max) {
        int count = 0;
        while (count < max && listening(firstPort + count)) {
            count++;
        }
        return count;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
