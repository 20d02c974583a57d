package dev.refunds.bootstrap.bench;

import dev.refunds.bootstrap.support.process.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * Issue 22: start-up to the first 200 from /health and resident memory after a load, for two jars run the way
 * each one's README runs it (the embedded database, {@code java [options] -jar}), side by side: the rounds
 * alternate base and candidate, so a machine that gets busier weighs on both alike. Only the ratios mean
 * something on a shared machine; the load average is printed beside every figure.
 *
 * <pre>
 *   bash scripts/benchmark.sh --startup-ab --base-jar=/tmp/base.jar [--base-options="…"] [--rounds=3]
 * </pre>
 * The candidate is {@code bootstrap/target/refunds-service.jar} with the options of the README's command,
 * {@code bootstrap/jvm.options} (a java argument file; its paths are relative to the repository's root). Beside
 * the wall-clock start-up, the CPU time the service used until its first 200 is shown: on a shared machine it
 * moves far less than the wall clock.
 */
public final class StartupAndMemoryAb {
    private record Jar(String name, Path jar, List<String> options) {
    }

    private record Round(long emptyMs, long migratedMs, double emptyCpuSeconds, double migratedCpuSeconds,
                         double rssMiB, double peakRssMiB, double perSecond, String load) {
    }

    private StartupAndMemoryAb() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            flags.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        Jar base = new Jar("base", Path.of(required(flags, "base-jar")), split(flags.getOrDefault("base-options", "")));
        Jar candidate = new Jar("candidate", Path.of(flags.getOrDefault("jar", "bootstrap/target/refunds-service.jar")),
                flags.containsKey("options") ? split(flags.get("options"))
                        : argumentFile(Path.of(flags.getOrDefault("options-file", "bootstrap/jvm.options"))));
        int rounds = Integer.parseInt(flags.getOrDefault("rounds", "3"));
        double loadSeconds = Double.parseDouble(flags.getOrDefault("load-seconds", "20"));
        int port = Integer.parseInt(flags.getOrDefault("port", "18481"));
        Path work = Path.of(flags.getOrDefault("work", "target/bench-startup")).toAbsolutePath();

        System.out.println("load average at the start: " + Proc.loadAverages());
        System.out.println("base:      java " + String.join(" ", base.options()) + " -jar " + base.jar());
        System.out.println("candidate: java " + String.join(" ", candidate.options()) + " -jar " + candidate.jar());
        Map<String, List<Round>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Jar jar : round % 2 == 1 ? List.of(base, candidate) : List.of(candidate, base)) {
                Round measured = measure(jar, work.resolve(jar.name() + "-" + round), port, loadSeconds);
                results.computeIfAbsent(jar.name(), name -> new ArrayList<>()).add(measured);
                System.out.printf(Locale.ROOT, "round %d %-9s start-up %5d ms / %4.1f s CPU (empty database), %5d ms"
                                + " / %4.1f s CPU (migrated); %6.0f refunds/s; RSS after the load %4.0f MiB (peak %4.0f);"
                                + " load %s%n", round, jar.name(), measured.emptyMs(), measured.emptyCpuSeconds(),
                        measured.migratedMs(), measured.migratedCpuSeconds(), measured.perSecond(),
                        measured.rssMiB(), measured.peakRssMiB(), measured.load());
            }
        }
        summary(results.get("base"), results.get("candidate"));
    }

    private static Round measure(Jar jar, Path dir, int port, double loadSeconds) throws Exception {
        deleteTree(dir);
        Map<String, String> env = Map.of("REFUNDS_ADMIN_TOKEN", RefundsBenchmark.ADMIN_TOKEN,
                "REFUNDS_API_KEY_SECRET", RefundsBenchmark.API_KEY_SECRET,
                "REFUNDS_SETTLEMENT_ENABLED", "false", "REFUNDS_WEBHOOKS_ENABLED", "false");
        long emptyMs;
        double emptyCpu;
        try (ServiceProcess first = ServiceProcess.start(jar.jar(), dir, port, env, jar.options())) {
            emptyCpu = cpuSeconds(first);
            emptyMs = first.startupMillis();
        }
        try (ServiceProcess service = ServiceProcess.start(jar.jar(), dir, port, env, jar.options())) {
            double migratedCpu = cpuSeconds(service);
            long migratedMs = service.startupMillis();
            String load = Proc.loadAverages();
            BenchApi api = new BenchApi(port, RefundsBenchmark.ADMIN_TOKEN);
            BenchApi.Merchant merchant = api.createBusiness("Start-up " + dir.getFileName());
            List<String> payments = api.createCompletedPayments(merchant, 200, RefundsBenchmark.PAYMENT_AMOUNT);
            String tag = dir.getFileName() + "-" + System.nanoTime();
            LongFunction<byte[]> refunds = n -> api.refundRequest(merchant,
                    payments.get(ThreadLocalRandom.current().nextInt(payments.size())), "ab-" + tag + "-" + n);
            BenchLoad.Result result = BenchLoad.closedLoop(port, 16, refunds, 2, loadSeconds);
            service.check();
            return new Round(emptyMs, migratedMs, emptyCpu, migratedCpu, service.rssMiB(), service.peakRssMiB(),
                    result.okPerSecond(), load);
        }
    }

    private static void summary(List<Round> base, List<Round> candidate) {
        System.out.println();
        System.out.println("| median of " + base.size() + " rounds | base | candidate | candidate / base |");
        System.out.println("|---|---|---|---|");
        row("start-up, empty database (ms)", base, candidate, Round::emptyMs);
        row("start-up, migrated database (ms)", base, candidate, Round::migratedMs);
        row("CPU until the first 200, empty database (ms)", base, candidate, r -> 1000 * r.emptyCpuSeconds());
        row("CPU until the first 200, migrated database (ms)", base, candidate, r -> 1000 * r.migratedCpuSeconds());
        row("RSS after the load (MiB)", base, candidate, Round::rssMiB);
        row("peak RSS (MiB)", base, candidate, Round::peakRssMiB);
        row("refunds/s during the load (16 connections)", base, candidate, Round::perSecond);
        System.out.println("load average at the end: " + Proc.loadAverages());
    }

    private static void row(String what, List<Round> base, List<Round> candidate,
                            java.util.function.ToDoubleFunction<Round> figure) {
        double b = median(base, figure);
        double c = median(candidate, figure);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2f |%n", what, b, c, c / b);
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /**
     * The JVM options the README's command gives the service: {@code BENCH_JVM_OPTIONS_FILE}, default
     * {@code bootstrap/jvm.options}; {@code none} for a bare {@code java -jar} (a jar from before that file).
     */
    static List<String> readmeOptions() throws java.io.IOException {
        String file = System.getenv().getOrDefault("BENCH_JVM_OPTIONS_FILE", "bootstrap/jvm.options");
        return "none".equals(file) ? List.of() : argumentFile(Path.of(file));
    }

    private static double cpuSeconds(ServiceProcess service) {
        return Proc.cpuTicks(service.pid()) / Proc.TICKS_PER_SECOND;
    }

    /**
     * A java argument file: options separated by white space, {@code #} to the end of a line a comment. The
     * service runs in a folder of its own, so an archive path relative to the repository's root is made absolute.
     */
    static List<String> argumentFile(Path file) throws java.io.IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int comment = line.indexOf('#');
            for (String option : split(comment < 0 ? line : line.substring(0, comment))) {
                String archive = "-XX:SharedArchiveFile=";
                options.add(option.startsWith(archive)
                        ? archive + Path.of(option.substring(archive.length())).toAbsolutePath() : option);
            }
        }
        return options;
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=… is required");
        }
        return value;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
