package dev.refunds.bootstrap.bench;

import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/** Scratch: not shipped. */
public final class Explore {
    public static void main(String[] args) throws Exception {
        String url = System.getenv("REFUNDS_BENCH_DB_URL");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REFUNDS_DB_URL", url + System.getenv().getOrDefault("URL_SUFFIX", ""));
        env.put("REFUNDS_DB_USER", "refunds");
        env.put("REFUNDS_DB_PASSWORD", System.getenv("REFUNDS_BENCH_DB_PASSWORD"));
        env.put("REFUNDS_ADMIN_TOKEN", RefundsBenchmark.ADMIN_TOKEN);
        env.put("REFUNDS_API_KEY_SECRET", RefundsBenchmark.API_KEY_SECRET);
        env.put("REFUNDS_SETTLEMENT_ENABLED", "false");
        env.put("REFUNDS_WEBHOOKS_ENABLED", "false");
        for (String kv : System.getenv().getOrDefault("EXTRA_ENV", "").split(",")) {
            if (kv.contains("=")) {
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        int port = 18481;
        List<String> jvm = args.length > 0 ? List.of(args[0].split(" ")) : List.of();
        try (ServiceProcess s = ServiceProcess.start(Path.of("bootstrap/target/refunds-service.jar"), Path.of("/tmp/bench/explore"), port, env, jvm)) {
            BenchApi api = new BenchApi(port, RefundsBenchmark.ADMIN_TOKEN);
            BenchApi.Merchant m = api.createBusiness("x" + System.nanoTime());
            List<String> pays = api.createCompletedPayments(m, 500, "100000000.00");
            long tag = System.nanoTime();
            LongFunction<byte[]> req = n -> api.refundRequest(m, pays.get(ThreadLocalRandom.current().nextInt(pays.size())), "x" + tag + "-" + n + "-" + ThreadLocalRandom.current().nextLong());
            long db = Proc.mariadbdPid().orElse(-1);
            long self = ProcessHandle.current().pid();
            for (String phase : System.getenv().getOrDefault("PHASES", "c64:15,c64:15,r200:15,r300:15,r400:15").split(",")) {
                String[] kv = phase.split(":");
                double secs = Double.parseDouble(kv[1]);
                Proc.CpuWindow cpu = new Proc.CpuWindow(s.pid(), db, self).start();
                BenchLoad.Result r;
                if (kv[0].startsWith("c")) {
                    r = BenchLoad.closedLoop(port, Integer.parseInt(kv[0].substring(1)), req, 0, secs);
                } else {
                    r = BenchLoad.constantRate(port, 64, req, Double.parseDouble(kv[0].substring(1)), 0, secs);
                }
                cpu.stop();
                System.out.printf(Locale.ROOT, "%-8s ok/s %6.0f  p50 %s p90 %s p99 %s max %s ms  svc %.2f db %.2f self %.2f others %.2f  %s rss %.0f%n",
                    kv[0], r.okPerSecond(), RefundsBenchmark.ms(r.latencyUs(), 50), RefundsBenchmark.ms(r.latencyUs(), 90), RefundsBenchmark.ms(r.latencyUs(), 99), RefundsBenchmark.ms(r.latencyUs(), 100),
                    cpu.cores(0), cpu.cores(1), cpu.cores(2), cpu.otherCores(), r.statusSummary(), s.rssMiB());
            }
        }
    }
}
