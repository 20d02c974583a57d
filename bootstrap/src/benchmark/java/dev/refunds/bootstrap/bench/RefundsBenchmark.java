package dev.refunds.bootstrap.bench;

import dev.refunds.bootstrap.support.process.ServiceProcess;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Issue 10: refunds per second, latency and the pipeline, measured against the database's own ceiling.
 * Run by {@code scripts/benchmark.sh} (never by the test suite: the name does not end in Test). For each
 * database (MariaDB, then the embedded H2):
 * <ol>
 *   <li>start-up of the jar to the first 200 from /health (on an empty database, and again on a migrated one);</li>
 *   <li>the ceiling: a refund's writes straight over JDBC with the service's pool size ({@link JdbcCeiling});</li>
 *   <li>the service: POST /api/v1/payments/{id}/refunds over HTTP from this process, spread over many payments,
 *       closed loop (saturation), then an open loop at 50% of that rate (latency from the intended send time);</li>
 *   <li>one hot payment: every request on the same payment;</li>
 *   <li>resident memory of the service after the load;</li>
 *   <li>the pipeline: a fresh database, settle delay 0 s, settlement and webhooks on, a local webhook receiver;
 *       steady rates, doubling until the backlog (refunds INITIATED or PROCESSING) grows.</li>
 * </ol>
 * With {@code --profile} it instead records the service under saturation with JFR and summarises the hot spots.
 */
public final class RefundsBenchmark {
    static final String ADMIN_TOKEN = "bench-admin-token-not-a-secret-0123456789";
    static final String API_KEY_SECRET = "bench-api-key-secret-not-a-secret-0123456789";
    static final String PAYMENT_AMOUNT = "100000000.00";
    /** A backlog is flat when it grows by at most this share of the arrival rate, or {@link #FLAT_MIN} per second. */
    static final double FLAT_SHARE = 0.02;
    static final double FLAT_MIN = 2.0;

    private final Settings settings;
    private final String runTag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final List<String> log = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong keys = new java.util.concurrent.atomic.AtomicLong();

    private RefundsBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = pinJar(Settings.parse(args));
        RefundsBenchmark benchmark = new RefundsBenchmark(settings);
        double pipelineRate = Double.parseDouble(Settings.env("BENCH_PROFILE_PIPELINE_RATE", "0"));
        if (settings.profile && pipelineRate > 0) {
            benchmark.profilePipeline(pipelineRate);
        } else if (settings.profile) {
            benchmark.profile();
        } else {
            benchmark.measure();
        }
    }

    /**
     * Runs a copy of the jar, so that a build in the same working tree during the run (another engineer's
     * {@code mvn package}) cannot change the service between two of its starts.
     */
    private static Settings pinJar(Settings s) throws IOException {
        if (!Files.isRegularFile(s.jar())) {
            throw new IllegalArgumentException("no service jar at " + s.jar() + "; build it with ./mvnw -q -B package"
                    + " -DskipTests");
        }
        Path copy = s.workRoot().toAbsolutePath().resolve("service-under-benchmark.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(s.jar(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Settings(copy, s.workRoot(), s.out(), s.backends(), s.profile(), s.quick(), s.dbUrl(), s.dbUser(),
                s.dbPassword(), s.port(), s.connections(), s.saturationConnections(), s.poolSize(), s.payments(),
                s.serviceWarmup(), s.warmup(), s.measure(), s.stepSeconds(), s.pipelineStartRate(),
                s.pipelineHeadlineRate(), s.pipelineStepsMax(), s.profileSeconds(), s.revision() + ", jar built "
                + Files.getLastModifiedTime(s.jar()).toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    // ------------------------------------------------------------------------------------------------ settings

    record Settings(Path jar, Path workRoot, Path out, List<String> backends, boolean profile, boolean quick,
                    String dbUrl, String dbUser, String dbPassword, int port, int connections,
                    List<Integer> saturationConnections, int poolSize, int payments, double serviceWarmup,
                    double warmup, double measure, double stepSeconds, double pipelineStartRate,
                    double pipelineHeadlineRate, int pipelineStepsMax, double profileSeconds, String revision) {

        static Settings parse(String[] args) {
            Map<String, String> flags = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
                int eq = arg.indexOf('=');
                flags.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            }
            boolean quick = flags.containsKey("quick");
            // H2 first: MariaDB keeps flushing and purging for a while after its run, which would weigh on H2.
            String backends = flags.getOrDefault("backends", env("BENCH_BACKENDS", "h2,mariadb"));
            return new Settings(
                    Path.of(flags.getOrDefault("jar", env("BENCH_JAR", "bootstrap/target/refunds-service.jar"))),
                    Path.of(flags.getOrDefault("work", env("BENCH_WORK", "target/bench"))),
                    flags.containsKey("out") ? Path.of(flags.get("out")) : null,
                    List.of(backends.split(",")),
                    flags.containsKey("profile"),
                    quick,
                    env("REFUNDS_BENCH_DB_URL", ""),
                    env("REFUNDS_BENCH_DB_USER", "refunds"),
                    env("REFUNDS_BENCH_DB_PASSWORD", ""),
                    Integer.parseInt(env("BENCH_PORT", "18480")),
                    Integer.parseInt(env("BENCH_CONNECTIONS", "64")),
                    java.util.Arrays.stream(env("BENCH_SATURATION_CONNECTIONS", "16,64").split(","))
                            .map(String::trim).map(Integer::valueOf).toList(),
                    Integer.parseInt(env("BENCH_POOL_SIZE", "16")),
                    Integer.parseInt(env("BENCH_PAYMENTS", quick ? "200" : "1000")),
                    Double.parseDouble(env("BENCH_SERVICE_WARMUP", quick ? "5" : "40")),
                    Double.parseDouble(env("BENCH_WARMUP", quick ? "2" : "5")),
                    Double.parseDouble(env("BENCH_SECONDS", quick ? "5" : "20")),
                    Double.parseDouble(env("BENCH_STEP_SECONDS", quick ? "5" : "20")),
                    Double.parseDouble(env("BENCH_PIPELINE_START_RATE", "25")),
                    Double.parseDouble(env("BENCH_PIPELINE_HEADLINE_RATE", "50")),
                    Integer.parseInt(env("BENCH_PIPELINE_STEPS_MAX", quick ? "2" : "7")),
                    Double.parseDouble(env("BENCH_PROFILE_SECONDS", "60")),
                    env("BENCH_REVISION", "?"));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    // -------------------------------------------------------------------------------------------------- backends

    /** Where the service keeps its data, and how the ceiling reaches the same kind of database. */
    private abstract static class Backend {
        abstract String name();

        abstract String version() throws SQLException;

        /** Settings (environment variables) for the service. */
        abstract Map<String, String> serviceSettings();

        /** An empty database for the next service start. */
        abstract void reset(Path serviceDir) throws Exception;

        /** Connections for the ceiling, on a database with the service's schema. */
        abstract JdbcCeiling.ConnectionSource ceiling(Path workDir) throws Exception;
    }

    private static final class MariaDb extends Backend {
        private final String url;
        private final String user;
        private final String password;

        MariaDb(String url, String user, String password) {
            if (url.isBlank()) {
                throw new IllegalArgumentException("REFUNDS_BENCH_DB_URL is not set (scripts/benchmark.sh sets it)");
            }
            this.url = url.replace("jdbc:mariadb:", "jdbc:mysql:");
            this.user = user;
            this.password = password;
            String database = database();
            if (!database.contains("bench") && !"true".equals(System.getenv("BENCH_ALLOW_RESET"))) {
                throw new IllegalArgumentException("the benchmark drops and recreates database '" + database
                        + "'; give it a database whose name contains 'bench' (or set BENCH_ALLOW_RESET=true)");
            }
        }

        String database() {
            String rest = url.substring(url.indexOf("//") + 2);
            String path = rest.substring(rest.indexOf('/') + 1);
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        Connection open() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        String name() {
            return "MariaDB";
        }

        @Override
        String version() throws SQLException {
            try (Connection c = open(); Statement s = c.createStatement()) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rs = s.executeQuery("SELECT VERSION(), @@innodb_flush_log_at_trx_commit,"
                        + " @@innodb_buffer_pool_size, @@log_bin")) {
                    rs.next();
                    text.append(rs.getString(1)).append(" (innodb_flush_log_at_trx_commit=").append(rs.getString(2))
                            .append(", innodb_buffer_pool_size=").append(rs.getLong(3) / 1048576).append(" MiB, log_bin=")
                            .append(rs.getString(4)).append(')');
                }
                return text.toString();
            }
        }

        @Override
        Map<String, String> serviceSettings() {
            return Map.of("REFUNDS_DB_URL", url, "REFUNDS_DB_USER", user, "REFUNDS_DB_PASSWORD", password);
        }

        @Override
        void reset(Path serviceDir) throws SQLException {
            String database = database();
            try (Connection c = open(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + database + "`");
                s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }

        @Override
        JdbcCeiling.ConnectionSource ceiling(Path workDir) {
            return this::open;   // the service's own database, migrated by the service at start-up
        }
    }

    /** The embedded default; with {@code writeDelay}, H2 as it was set before issue 15 (for a before/after). */
    private static final class H2 extends Backend {
        private static final String OPTIONS =
                ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=10000";
        private final String writeDelay;
        private String version = "?";

        H2(String writeDelay) {
            this.writeDelay = writeDelay;
        }

        @Override
        String name() {
            return writeDelay == null ? "H2" : "H2 WRITE_DELAY=" + writeDelay;
        }

        @Override
        String version() {
            return version + (writeDelay == null
                    ? " (embedded file database, MODE=MySQL, WRITE_DELAY=0: every commit written to the file, not fsynced)"
                    : " (the same with WRITE_DELAY=" + writeDelay + ", H2's default: commits written in the background)");
        }

        @Override
        Map<String, String> serviceSettings() {
            // the default: the embedded file database under ./data of the working folder
            return writeDelay == null ? Map.of() : Map.of("REFUNDS_DB_URL", "jdbc:h2:file:./data/refunds" + OPTIONS
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + writeDelay);
        }

        @Override
        void reset(Path serviceDir) throws IOException {
            deleteTree(serviceDir.resolve("data"));
        }

        @Override
        JdbcCeiling.ConnectionSource ceiling(Path workDir) throws Exception {
            Path dir = workDir.resolve("h2-ceiling");
            deleteTree(dir);
            Files.createDirectories(dir);
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("ceiling") + OPTIONS + ";WRITE_DELAY="
                    + (writeDelay == null ? "0" : writeDelay);
            org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                    .load().migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                version = c.getMetaData().getDatabaseProductVersion();
            }
            return () -> DriverManager.getConnection(url, "sa", "");
        }
    }

    // ------------------------------------------------------------------------------------------------- figures

    /** Everything measured on one database. */
    private static final class Figures {
        final String backend;
        String version = "?";
        long startupFirstMs = -1;
        long startupRestartMs = -1;
        long startupPipelineMs = -1;
        Measured ceiling;
        Measured ceilingServiceShape;
        Measured ceilingHot;
        final Map<Integer, Measured> saturationBy = new LinkedHashMap<>();
        int saturationConnections;
        Measured saturation;
        Measured latency;
        double latencyRate;
        Measured hot;
        double rssAfterLoadMiB = -1;
        double peakRssAfterLoadMiB = -1;
        double rssAfterPipelineMiB = -1;
        Boolean webhooks;
        final List<Step> steps = new ArrayList<>();
        Double highestFlatRate;
        String pipelineLimit = "";
        Step headlineStep;

        Figures(String backend) {
            this.backend = backend;
        }
    }

    /**
     * One figure: how many per second, their latency, CPU per operation of the service, the database server
     * and this process, and how busy the machine was with anything else: the 1-minute load average just before
     * the figure was taken and the cores other processes used while it was.
     */
    private record Measured(double perSecond, Histogram latencyUs, long failures, String detail, double loadBefore,
                            double otherCores, double serviceMs, double databaseMs, double clientMs,
                            double machineCores) {
        String conditions() {
            return String.format(Locale.ROOT, "load %.2f, others %.2f cores", loadBefore, otherCores);
        }

        String cpu(String database) {
            return String.format(Locale.ROOT, "service %s, %s %s, load generator %s ms per refund; %.2f of %d cores"
                            + " busy", num(serviceMs), database, num(databaseMs), num(clientMs), machineCores,
                    Runtime.getRuntime().availableProcessors());
        }

        private static String num(double ms) {
            return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.2f", ms);
        }
    }

    /** One steady rate of the pipeline. */
    private record Step(double rate, double achieved, long refunds, long notCompleted, double backlogMean,
                        double backlogEnd, double backlogSlope, Histogram completeUs, Histogram webhookRefundedUs,
                        Histogram webhookCreatedUs, long webhookMissing, double webhookSlope, boolean webhooksFlat,
                        boolean flat, String why, String conditions, boolean drained) {
    }

    /** What a measured job returned, with the CPU window over its measured part and the load before it. */
    private record Run<T>(T result, Proc.CpuWindow cpu, double loadBefore) {
    }

    private interface Job<T> {
        T run() throws Exception;
    }

    /** Runs {@code job}, watching CPU over its measured window (after {@code warmup} seconds). */
    private static <T> Run<T> run(double warmup, double measure, long[] pids, Job<T> job) throws Exception {
        Proc.awaitQuiet(0.3, 20);
        double loadBefore = Proc.load1();
        Proc.CpuWindow cpu = new Proc.CpuWindow(pids);
        long startAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200) + BenchLoad.seconds(warmup);
        long stopAt = startAt + BenchLoad.seconds(measure);
        Thread sampler = new Thread(() -> {
            BenchLoad.sleepUntil(startAt);
            cpu.start();
            BenchLoad.sleepUntil(stopAt);
            cpu.stop();
        }, "cpu-window");
        sampler.setDaemon(true);
        sampler.start();
        T result = job.run();
        sampler.join(TimeUnit.SECONDS.toMillis(60));
        return new Run<>(result, cpu, loadBefore);
    }

    private static Measured measured(Run<?> run, double perSecond, Histogram latency, long failures, String detail) {
        Proc.CpuWindow cpu = run.cpu();
        double per = perSecond <= 0 ? Double.NaN : 1000 / perSecond;
        return new Measured(perSecond, latency, failures, detail, run.loadBefore(), cpu.otherCores(),
                cpu.cores(0) * per, cpu.cores(1) * per, cpu.cores(2) * per, cpu.machineCores());
    }

    private static Measured ceiling(Run<JdbcCeiling.Result> run) {
        JdbcCeiling.Result r = run.result();
        return measured(run, r.perSecond(), r.txUs(), r.failed(), r.failed() + " rolled back");
    }

    private static Measured load(Run<BenchLoad.Result> run) {
        BenchLoad.Result r = run.result();
        return measured(run, r.okPerSecond(), r.latencyUs(), r.failed() + r.ioErrors(), r.statusSummary());
    }

    // ---------------------------------------------------------------------------------------------------- measure

    private void measure() throws Exception {
        String loadBefore = Proc.loadAverages();
        Instant began = Instant.now();
        List<Figures> all = new ArrayList<>();
        for (String name : settings.backends) {
            Backend backend = switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "mariadb", "mysql" -> new MariaDb(settings.dbUrl, settings.dbUser, settings.dbPassword);
                case "h2" -> new H2(null);
                case "h2-write-delay" -> new H2("500");
                default -> throw new IllegalArgumentException("unknown backend " + name);
            };
            all.add(measure(backend));
        }
        all.sort(java.util.Comparator.comparingInt(f -> f.backend.equals("MariaDB") ? 0 : 1));
        List<String> report = report(all, began, loadBefore);
        System.out.println();
        report.forEach(System.out::println);
        if (settings.out != null) {
            writeSection(settings.out, "results", report);
            System.out.println("\nwritten to " + settings.out.toAbsolutePath());
        }
    }

    private Figures measure(Backend backend) throws Exception {
        Figures f = new Figures(backend.name());
        Path dir = settings.workRoot.toAbsolutePath().resolve(backend.name().toLowerCase(Locale.ROOT) + "-" + runTag);
        Path serviceDir = dir.resolve("service");
        Map<String, String> requestPath = new LinkedHashMap<>(common(backend));
        requestPath.put("REFUNDS_SETTLEMENT_ENABLED", "false");
        requestPath.put("REFUNDS_WEBHOOKS_ENABLED", "false");

        note(backend.name() + ": start-up on an empty database");
        backend.reset(serviceDir);
        try (ServiceProcess first = ServiceProcess.start(settings.jar, serviceDir, settings.port, requestPath,
                StartupAndMemoryAb.readmeOptions())) {
            f.startupFirstMs = first.startupMillis();
        }
        JdbcCeiling.ConnectionSource ceilingDb = backend.ceiling(dir);
        f.version = backend.version();
        try (ServiceProcess service = ServiceProcess.start(settings.jar, serviceDir, settings.port, requestPath,
                StartupAndMemoryAb.readmeOptions())) {
            f.startupRestartMs = service.startupMillis();
            note(String.format(Locale.ROOT, "%s: started in %d ms (empty database), %d ms (migrated); setting up",
                    backend.name(), f.startupFirstMs, f.startupRestartMs));
            BenchApi api = new BenchApi(settings.port, ADMIN_TOKEN);
            BenchApi.Merchant merchant = api.createBusiness("Benchmark " + runTag);
            List<String> payments = api.createCompletedPayments(merchant, settings.payments, PAYMENT_AMOUNT);
            String hot = api.createCompletedPayment(merchant, PAYMENT_AMOUNT, "bench-hot");
            long[] pids = {service.pid(), Proc.mariadbdPid().orElse(-1),
                    ProcessHandle.current().pid()};

            note(backend.name() + ": ceiling (JDBC, " + settings.poolSize + " connections)");
            String ceilingBusiness = "HB_ceil" + runTag;
            List<String> ceilingPayments = JdbcCeiling.preparePayments(ceilingDb, ceilingBusiness, settings.payments,
                    "C" + runTag);
            double ceilingWarmup = Math.max(settings.warmup, 10);
            f.ceiling = ceiling(run(ceilingWarmup, settings.measure, pids, () -> JdbcCeiling.run(ceilingDb,
                    JdbcCeiling.Shape.MINIMAL, settings.poolSize, ceilingBusiness, ceilingPayments, ceilingWarmup,
                    settings.measure)));
            f.ceilingServiceShape = ceiling(run(settings.warmup, settings.measure, pids, () -> JdbcCeiling.run(
                    ceilingDb, JdbcCeiling.Shape.SERVICE, settings.poolSize, ceilingBusiness, ceilingPayments,
                    settings.warmup, settings.measure)));
            f.ceilingHot = ceiling(run(settings.warmup, settings.measure, pids, () -> JdbcCeiling.run(ceilingDb,
                    JdbcCeiling.Shape.MINIMAL, settings.poolSize, ceilingBusiness, ceilingPayments.subList(0, 1),
                    settings.warmup, settings.measure)));
            service.check();
            note(String.format(Locale.ROOT, "%s: ceiling %.0f/s, service-shaped %.0f/s, hot %.0f/s", backend.name(),
                    f.ceiling.perSecond(), f.ceilingServiceShape.perSecond(), f.ceilingHot.perSecond()));

            LongFunction<byte[]> spread = n -> api.refundRequest(merchant,
                    payments.get(ThreadLocalRandom.current().nextInt(payments.size())), key("s", n));
            note(String.format(Locale.ROOT, "%s: warming the service up (%.0f s closed loop, not measured)",
                    backend.name(), settings.serviceWarmup));
            BenchLoad.closedLoop(settings.port, settings.connections, spread, 0, settings.serviceWarmup);
            for (int connections : settings.saturationConnections) {
                note(backend.name() + ": service saturation (closed loop, " + connections + " connections, "
                        + payments.size() + " payments)");
                Measured m = load(run(settings.warmup, settings.measure, pids, () -> BenchLoad.closedLoop(
                        settings.port, connections, spread, settings.warmup, settings.measure)));
                service.check();
                f.saturationBy.put(connections, m);
                if (f.saturation == null || m.perSecond() > f.saturation.perSecond()) {
                    f.saturation = m;
                    f.saturationConnections = connections;
                }
                note(String.format(Locale.ROOT, "%s:   %d connections: %.0f/s", backend.name(), connections,
                        m.perSecond()));
            }

            f.latencyRate = Math.max(1, Math.floor(f.saturation.perSecond() / 2));
            note(String.format(Locale.ROOT, "%s: latency at %.0f/s (constant rate, %d connections)", backend.name(),
                    f.latencyRate, settings.connections));
            LongFunction<byte[]> spreadLatency = n -> api.refundRequest(merchant,
                    payments.get(ThreadLocalRandom.current().nextInt(payments.size())), key("l", n));
            f.latency = load(run(settings.warmup, settings.measure, pids, () -> BenchLoad.constantRate(settings.port,
                    settings.connections, spreadLatency, f.latencyRate, settings.warmup, settings.measure)));

            service.check();
            note(backend.name() + ": one hot payment (closed loop, " + settings.connections + " connections)");
            LongFunction<byte[]> hotRequests = n -> api.refundRequest(merchant, hot, key("h", n));
            f.hot = load(run(settings.warmup, settings.measure, pids, () -> BenchLoad.closedLoop(settings.port,
                    settings.connections, hotRequests, settings.warmup, settings.measure)));
            service.check();
            f.rssAfterLoadMiB = service.rssMiB();
            f.peakRssAfterLoadMiB = service.peakRssMiB();
        }

        note(backend.name() + ": pipeline on a fresh database (settle delay 0 s, settlement and webhooks on)");
        Path pipelineDir = dir.resolve("pipeline");
        backend.reset(pipelineDir);
        Map<String, String> pipeline = pipelineSettings(backend);
        try (WebhookReceiver receiver = new WebhookReceiver();
             ServiceProcess service = ServiceProcess.start(settings.jar, pipelineDir, settings.port, pipeline,
                     StartupAndMemoryAb.readmeOptions())) {
            f.startupPipelineMs = service.startupMillis();
            BenchApi api = new BenchApi(settings.port, ADMIN_TOKEN);
            BenchApi.Merchant merchant = api.createBusiness("Pipeline " + runTag);
            List<String> payments = api.createCompletedPayments(merchant, Math.min(settings.payments, 500),
                    PAYMENT_AMOUNT);
            int endpoint = api.createWebhookEndpoint(merchant, receiver.url());
            f.webhooks = endpoint == 201;
            note(backend.name() + ": webhook endpoint " + (f.webhooks ? "created" : "not available (HTTP " + endpoint
                    + ")"));
            long[] pids = {service.pid(), Proc.mariadbdPid().orElse(-1),
                    ProcessHandle.current().pid()};
            pipelineSteps(f, api, merchant, payments, receiver, service, pids);
            f.rssAfterPipelineMiB = service.rssMiB();
        }
        return f;
    }

    /** Settlement and webhooks on, the sandbox settling at once, retries soon: the pipeline as figure 4 runs it. */
    private Map<String, String> pipelineSettings(Backend backend) {
        Map<String, String> pipeline = new LinkedHashMap<>(common(backend));
        pipeline.put("REFUNDS_SETTLEMENT_ENABLED", "true");
        pipeline.put("REFUNDS_SANDBOX_SETTLE_DELAY", "0s");
        pipeline.put("REFUNDS_WEBHOOKS_ENABLED", "true");
        pipeline.put("REFUNDS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        pipeline.put("REFUNDS_WEBHOOKS_RETRY_SCHEDULE", "1s,2s,5s");
        return pipeline;
    }

    private Map<String, String> common(Backend backend) {
        Map<String, String> env = new LinkedHashMap<>(backend.serviceSettings());
        env.put("REFUNDS_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("REFUNDS_API_KEY_SECRET", API_KEY_SECRET);
        return env;
    }

    /** A new idempotency key for every request of the run, whatever the phase: nothing is ever a replay. */
    private String key(String phase, long n) {
        return "bench-" + runTag + "-" + phase + "-" + keys.incrementAndGet();
    }

    // -------------------------------------------------------------------------------------------------- pipeline

    /**
     * Steady rates from {@code BENCH_PIPELINE_START_RATE}, doubling while the backlog stays flat, then one step
     * halfway between the last flat rate and the first growing one (when the service has caught up by then).
     * Create-to-completed latency is reported at {@code BENCH_PIPELINE_HEADLINE_RATE}, a step of the ladder run
     * before any overload.
     */
    private void pipelineSteps(Figures f, BenchApi api, BenchApi.Merchant merchant, List<String> payments,
                               WebhookReceiver receiver, ServiceProcess service, long[] pids) throws Exception {
        double saturation = f.saturation.perSecond();
        note(f.backend + ": pipeline warm-up step (not recorded)");
        step(f, api, merchant, payments, receiver, service, pids, settings.pipelineStartRate, "pw", false);
        List<Double> ladder = new ArrayList<>();
        for (double rate = settings.pipelineStartRate; ladder.size() < settings.pipelineStepsMax; rate *= 2) {
            if (rate > settings.pipelineHeadlineRate && !ladder.contains(settings.pipelineHeadlineRate)
                    && settings.pipelineHeadlineRate > settings.pipelineStartRate) {
                ladder.add(settings.pipelineHeadlineRate);
            }
            ladder.add(rate);
        }
        Double lastFlat = null;
        Step lastStep = null;
        Double firstGrowing = null;
        for (double rate : ladder.stream().distinct().sorted().toList()) {
            if (rate > 0.9 * saturation) {
                f.pipelineLimit = String.format(Locale.ROOT, "the ladder stopped below the request path's saturation"
                        + " (%.0f/s): its next step, %.0f/s, is over 90%% of it", saturation, rate);
                break;
            }
            lastStep = step(f, api, merchant, payments, receiver, service, pids, rate, "p" + fmt(rate), true);
            if (rate == settings.pipelineHeadlineRate) {
                f.headlineStep = lastStep;
            }
            if (!lastStep.flat()) {
                firstGrowing = rate;
                break;
            }
            lastFlat = rate;
        }
        if (lastFlat != null && firstGrowing != null) {
            if (lastStep.drained()) {
                double middle = Math.round((lastFlat + firstGrowing) / 2);
                Step step = step(f, api, merchant, payments, receiver, service, pids, middle, "pb", true);
                if (step.flat()) {
                    lastFlat = middle;
                }
            } else {
                f.pipelineLimit = "no step between " + fmt(lastFlat) + "/s and " + fmt(firstGrowing)
                        + "/s: the backlog of the growing step had not drained 2 minutes after it";
            }
        }
        f.highestFlatRate = lastFlat;
        if (f.headlineStep == null && !f.steps.isEmpty()) {
            f.headlineStep = f.steps.get(0);
        }
    }

    private Step step(Figures f, BenchApi api, BenchApi.Merchant merchant, List<String> payments,
                      WebhookReceiver receiver, ServiceProcess service, long[] pids, double rate, String phase,
                      boolean record)
            throws Exception {
        note(String.format(Locale.ROOT, "%s: pipeline step at %.0f refunds/s for %.0f s", f.backend, rate,
                settings.stepSeconds));
        long since = System.currentTimeMillis();
        LongFunction<byte[]> requests = n -> api.refundRequest(merchant,
                payments.get(ThreadLocalRandom.current().nextInt(payments.size())), key(phase, n));
        Run<BenchLoad.Result> run = run(0, settings.stepSeconds, pids, () -> BenchLoad.constantRate(settings.port,
                Math.min(settings.connections, 32), requests, rate, 0, settings.stepSeconds));
        BenchLoad.Result load = run.result();
        long until = System.currentTimeMillis();
        service.check();
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean drained = false;
        while (System.nanoTime() < drainDeadline) {
            if (!api.anyRefund(merchant, "INITIATED") && !api.anyRefund(merchant, "PROCESSING")) {
                drained = true;
                break;
            }
            Thread.sleep(200);
        }
        int pagesMax = (int) (rate * settings.stepSeconds / 100) + 50;
        List<BenchApi.RefundTimes> refunds = api.refundsSince(merchant, since, pagesMax);
        if (Boolean.TRUE.equals(f.webhooks)) {
            long webhookDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean delivered = false;
            while (System.nanoTime() < webhookDeadline) {
                if (refunds.stream().allMatch(r -> receiver.arrival("payment.refunded", r.refundId()) != null)) {
                    delivered = true;
                    break;
                }
                Thread.sleep(200);
            }
            drained &= delivered;
        }
        Histogram complete = new Histogram(BenchLoad.HIGHEST_US, 3);
        Histogram refunded = new Histogram(BenchLoad.HIGHEST_US, 3);
        Histogram created = new Histogram(BenchLoad.HIGHEST_US, 3);
        long notCompleted = 0;
        long webhookMissing = 0;
        for (BenchApi.RefundTimes refund : refunds) {
            if (refund.completedMs() == null) {
                notCompleted++;
            } else {
                complete.recordValue(micros(refund.completedMs() - refund.initiatedMs()));
            }
            if (Boolean.TRUE.equals(f.webhooks)) {
                Long arrived = receiver.arrival("payment.refunded", refund.refundId());
                Long createdArrived = receiver.arrival("refund.created", refund.refundId());
                if (arrived == null) {
                    webhookMissing++;
                } else {
                    refunded.recordValue(micros(arrived - refund.initiatedMs()));
                }
                if (createdArrived != null) {
                    created.recordValue(micros(createdArrived - refund.initiatedMs()));
                }
            }
        }
        // The backlog at every 250 ms of the step, rebuilt from the refunds' own times: initiated, not completed;
        // and the webhook backlog: initiated, its payment.refunded not yet received.
        List<double[]> backlog = new ArrayList<>();
        List<double[]> webhookBacklog = new ArrayList<>();
        for (long t = since; t <= until; t += 250) {
            long at = t;
            long open = refunds.stream().filter(r -> r.initiatedMs() <= at
                    && (r.completedMs() == null || r.completedMs() > at)).count();
            backlog.add(new double[] {(t - since) / 1000.0, open});
            long undelivered = refunds.stream().filter(r -> r.initiatedMs() <= at).filter(r -> {
                Long arrived = receiver.arrival("payment.refunded", r.refundId());
                return arrived == null || arrived > at;
            }).count();
            webhookBacklog.add(new double[] {(t - since) / 1000.0, undelivered});
        }
        double mean = backlog.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double end = backlog.isEmpty() ? 0 : backlog.get(backlog.size() - 1)[1];
        double slope = slope(backlog.subList(backlog.size() / 2, backlog.size()));
        double webhookSlope = slope(webhookBacklog.subList(webhookBacklog.size() / 2, webhookBacklog.size()));
        double allowed = Math.max(FLAT_SHARE * rate, FLAT_MIN);
        boolean webhooksFlat = Boolean.TRUE.equals(f.webhooks) && !grows(webhookBacklog, webhookSlope, allowed);
        List<String> reasons = new ArrayList<>();
        if (grows(backlog, slope, allowed)) {
            reasons.add(String.format(Locale.ROOT, "backlog grows %.1f/s", slope));
        }
        if (load.okPerSecond() < 0.95 * rate) {
            reasons.add(String.format(Locale.ROOT, "only %.0f/s accepted", load.okPerSecond()));
        }
        if (notCompleted > 0) {
            reasons.add(notCompleted + " not completed 2 minutes after the step");
        }
        Measured m = load(run);
        Step step = new Step(rate, load.okPerSecond(), refunds.size(), notCompleted, mean, end, slope, complete,
                refunded, created, webhookMissing, webhookSlope, webhooksFlat, reasons.isEmpty(),
                String.join("; ", reasons), m.conditions(), drained);
        if (record) {
            f.steps.add(step);
        }
        note(String.format(Locale.ROOT, "%s:   %.0f/s: backlog mean %.1f, slope %.2f/s, complete p50 %s p99 %s ms,"
                        + " webhook p99 %s ms, webhook backlog slope %.2f/s (%s; service %.2f cores)%s", f.backend, rate,
                mean, slope, ms(complete, 50), ms(complete, 99), Boolean.TRUE.equals(f.webhooks) ? ms(refunded, 99)
                        : "–", webhookSlope,
                m.conditions(), run.cpu().cores(0), step.flat() ? ", flat" : ", NOT flat: " + step.why()));
        return step;
    }

    private static long micros(long millis) {
        return Math.min(BenchLoad.HIGHEST_US, Math.max(1, millis * 1000));
    }

    /**
     * A backlog grows when its slope over the second half of the step is above {@code allowed} and its last
     * quarter is clearly above its second quarter (a saw-tooth of a few refunds is not growth).
     */
    private static boolean grows(List<double[]> backlog, double slope, double allowed) {
        int n = backlog.size();
        if (n < 8) {
            return slope > allowed;
        }
        double second = backlog.subList(n / 4, n / 2).stream().mapToDouble(p -> p[1]).average().orElse(0);
        double last = backlog.subList(3 * n / 4, n).stream().mapToDouble(p -> p[1]).average().orElse(0);
        return slope > allowed && last > 1.5 * second + FLAT_MIN;
    }

    /** Least-squares slope of y over x. */
    private static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return 0;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    // --------------------------------------------------------------------------------------------------- profile

    private void profile() throws Exception {
        Backend backend = new MariaDb(settings.dbUrl, settings.dbUser, settings.dbPassword);
        Path dir = settings.workRoot.toAbsolutePath().resolve("profile-" + runTag);
        Path serviceDir = dir.resolve("service");
        backend.reset(serviceDir);
        Map<String, String> env = new LinkedHashMap<>(common(backend));
        env.put("REFUNDS_SETTLEMENT_ENABLED", "false");
        env.put("REFUNDS_WEBHOOKS_ENABLED", "false");
        Path recording = dir.resolve("service.jfr");
        List<String> lines = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(settings.jar, serviceDir, settings.port, env,
                StartupAndMemoryAb.readmeOptions())) {
            BenchApi api = new BenchApi(settings.port, ADMIN_TOKEN);
            BenchApi.Merchant merchant = api.createBusiness("Profile " + runTag);
            List<String> payments = api.createCompletedPayments(merchant, settings.payments, PAYMENT_AMOUNT);
            LongFunction<byte[]> spread = n -> api.refundRequest(merchant,
                    payments.get(ThreadLocalRandom.current().nextInt(payments.size())), key("j", n));
            note("profile: warming up " + settings.serviceWarmup + " s");
            BenchLoad.closedLoop(settings.port, settings.connections, spread, 0, settings.serviceWarmup);
            jcmd(service.pid(), "JFR.start", "name=bench", "settings=" + samplingEveryMillisecond(dir));
            note("profile: recording " + settings.profileSeconds + " s of saturation with JFR (settings=profile)");
            BenchLoad.Result load = BenchLoad.closedLoop(settings.port, settings.connections, spread, 0,
                    settings.profileSeconds);
            jcmd(service.pid(), "JFR.dump", "name=bench", "filename=" + recording);
            jcmd(service.pid(), "JFR.stop", "name=bench");
            lines.add(String.format(Locale.ROOT, "Profiled %s: MariaDB, %d connections, closed loop, %.0f refunds/s"
                            + " while recording (load %.2f), %s.", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    settings.connections, load.okPerSecond(), Proc.load1(), settings.revision));
            lines.add("");
            lines.add("```");
            lines.addAll(JfrSummary.summarize(recording, 20));
            lines.add("```");
        }
        lines.forEach(System.out::println);
        if (settings.out != null) {
            writeSection(settings.out, "profile", lines);
            System.out.println("\nwritten to " + settings.out.toAbsolutePath() + "; recording: " + recording);
        }
    }

    /**
     * With {@code BENCH_PROFILE_PIPELINE_RATE}: the pipeline (settlement and webhooks on, one endpoint on a local
     * receiver) under that constant request rate, recorded with JFR; what its waits and samples show is what bounds
     * figure 4. Written to a section of its own.
     */
    private void profilePipeline(double rate) throws Exception {
        Backend backend = new MariaDb(settings.dbUrl, settings.dbUser, settings.dbPassword);
        Path dir = settings.workRoot.toAbsolutePath().resolve("profile-pipeline-" + runTag);
        Path serviceDir = dir.resolve("service");
        backend.reset(serviceDir);
        Path recording = dir.resolve("service.jfr");
        List<String> lines = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver();
             ServiceProcess service = ServiceProcess.start(settings.jar, serviceDir, settings.port,
                     pipelineSettings(backend), StartupAndMemoryAb.readmeOptions())) {
            BenchApi api = new BenchApi(settings.port, ADMIN_TOKEN);
            BenchApi.Merchant merchant = api.createBusiness("Pipeline profile " + runTag);
            List<String> payments = api.createCompletedPayments(merchant, Math.min(settings.payments, 500),
                    PAYMENT_AMOUNT);
            int endpoint = api.createWebhookEndpoint(merchant, receiver.url());
            if (endpoint != 201) {
                throw new IllegalStateException("the webhook endpoint was not created: HTTP " + endpoint);
            }
            LongFunction<byte[]> requests = n -> api.refundRequest(merchant,
                    payments.get(ThreadLocalRandom.current().nextInt(payments.size())), key("q", n));
            int connections = Math.min(settings.connections, 32);
            note("pipeline profile: warming up " + settings.serviceWarmup + " s at " + fmt(rate) + "/s");
            BenchLoad.constantRate(settings.port, connections, requests, rate, 0, settings.serviceWarmup);
            jcmd(service.pid(), "JFR.start", "name=bench", "settings=" + samplingEveryMillisecond(dir));
            note("pipeline profile: recording " + settings.profileSeconds + " s with JFR");
            BenchLoad.Result load = BenchLoad.constantRate(settings.port, connections, requests, rate, 0,
                    settings.profileSeconds);
            jcmd(service.pid(), "JFR.dump", "name=bench", "filename=" + recording);
            jcmd(service.pid(), "JFR.stop", "name=bench");
            lines.add(String.format(Locale.ROOT, "Profiled %s: MariaDB, the pipeline (settlement and webhooks on,"
                            + " settle delay 0 s, one endpoint on a local receiver) at %.0f requests/s for %.0f s"
                            + " (%.0f accepted/s; load %.2f), %s.", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    rate, settings.profileSeconds, load.okPerSecond(), Proc.load1(), settings.revision));
            lines.add("");
            lines.add("```");
            lines.addAll(JfrSummary.summarize(recording, 20));
            lines.add("```");
        }
        lines.forEach(System.out::println);
        if (settings.out != null) {
            writeSection(settings.out, "pipeline-profile", lines);
            System.out.println("\nwritten to " + settings.out.toAbsolutePath() + "; recording: " + recording);
        }
    }

    /** JFR's "profile" settings with Java stacks sampled every millisecond rather than every 10 ms. */
    private static Path samplingEveryMillisecond(Path dir) throws IOException {
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"),
                StandardCharsets.UTF_8);
        String faster = profile.replaceFirst("(?<head><event name=\"jdk.ExecutionSample\">\\s*<setting[^>]*>true"
                + "</setting>\\s*<setting name=\"period\"[^>]*>)10 ms", "${head}1 ms");
        if (faster.equals(profile)) {
            throw new IllegalStateException("could not find the sampling period in the JDK's profile.jfc");
        }
        Path settings = dir.resolve("profile-1ms.jfc");
        Files.writeString(settings, faster, StandardCharsets.UTF_8);
        return settings;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    // ---------------------------------------------------------------------------------------------------- report

    private List<String> report(List<Figures> all, Instant began, String loadBefore) {
        List<String> r = new ArrayList<>();
        r.add("Measured " + began.truncatedTo(ChronoUnit.SECONDS) + " to "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (settings.quick ? " (--quick: a short smoke run;"
                + " the figures are not comparable)" : "") + ".");
        r.add("");
        r.add("- Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc; " + Proc.cpuModel() + "), "
                + String.format(Locale.ROOT, "%.1f GiB", Proc.memTotalKb() / 1048576.0) + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ".");
        for (Figures f : all) {
            r.add("- " + f.backend + ": " + f.version + ".");
        }
        r.add("- Load average (1, 5, 15 min): " + loadBefore + " before the run, " + Proc.loadAverages()
                + " after it (the benchmark's own threads count in it). Each figure says the 1-minute load just"
                + " before it and the CPU cores that *other* processes used while it was measured.");
        r.add("- Service: `bootstrap/target/refunds-service.jar` (" + settings.revision + "; a copy of it is run),"
                + " started as the README starts it, with `bootstrap/jvm.options` (class-data archive, serial"
                + " collector, 128 MiB heap); database pool " + settings.poolSize + " connections (the default); settlement and webhook"
                + " workers off for figures 1–3 and 5, on for 4.");
        r.add(String.format(Locale.ROOT, "- Load: HTTP/1.1 keep-alive connections from the benchmark's JVM (a"
                        + " separate process on the same machine), refunds of 1.00 BDT spread over %d payments;"
                        + " the service is warmed up for %.0f s first; every figure has %.0f s of warm-up and %.0f s"
                        + " measured.", settings.payments, settings.serviceWarmup, settings.warmup,
                settings.measure));
        r.add("");
        StringBuilder header = new StringBuilder("| figure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Figures f : all) {
            header.append(' ').append(f.backend).append(" |");
            rule.append("---|");
        }
        r.add(header.toString());
        r.add(rule.toString());
        row(r, all, "1. **ceiling**: a refund's writes over JDBC in one transaction, " + settings.poolSize
                + " connections, closed loop", f -> rate(f.ceiling) + txLatency(f.ceiling));
        row(r, all, "1b. ceiling with the service's statement sequence (since the merchant read is cached and the"
                + " key is inserted once with its response: the writes of 1, measured again)",
                f -> rate(f.ceilingServiceShape) + txLatency(f.ceilingServiceShape));
        row(r, all, "1c. ceiling, every transaction on one payment", f -> rate(f.ceilingHot) + txLatency(f.ceilingHot));
        row(r, all, "2. **service**: accepted refunds/s at saturation (closed loop)", f -> f.saturation == null ? "–"
                : rate(f.saturation) + " with " + f.saturationConnections + " connections ("
                + f.saturationBy.entrySet().stream().map(e -> e.getKey() + ": " + fmt(e.getValue().perSecond()) + "/s")
                .reduce((a, b) -> a + ", " + b).orElse("") + ")" + failures(f.saturation));
        row(r, all, "2. **service / ceiling**", f -> "**" + ratio(f.saturation, f.ceiling) + "** (of 1b: "
                + ratio(f.saturation, f.ceilingServiceShape) + ")");
        row(r, all, "2. latency at 50% of saturation: constant rate, " + settings.connections + " connections, from"
                + " the intended send time: p50 / p99 / p99.9 / max",
                f -> f.latency == null ? "–" : String.format(Locale.ROOT, "at %.0f/s: **%s / %s / %s** / %s ms%s (%s)",
                        f.latencyRate, ms(f.latency.latencyUs(), 50), ms(f.latency.latencyUs(), 99),
                        ms(f.latency.latencyUs(), 99.9), ms(f.latency.latencyUs(), 100),
                        f.latency.failures() > 0 ? "; " + f.latency.detail() : "", f.latency.conditions()));
        row(r, all, "2. latency at saturation (closed loop): p50 / p99",
                f -> f.saturation == null ? "–" : ms(f.saturation.latencyUs(), 50) + " / "
                        + ms(f.saturation.latencyUs(), 99) + " ms");
        row(r, all, "2. CPU per refund at saturation", f -> f.saturation == null ? "–" : f.saturation.cpu(dbName(f)));
        row(r, all, "2. CPU per refund at 50% of saturation", f -> f.latency == null ? "–" : f.latency.cpu(dbName(f)));
        row(r, all, "1. CPU per refund at the ceiling", f -> f.ceiling == null ? "–" : f.ceiling.cpu(dbName(f))
                .replace("service ", "service (idle) "));
        row(r, all, "3. **hot payment**: accepted refunds/s (closed loop, " + settings.connections + " connections)",
                f -> rate(f.hot) + failures(f.hot) + "; " + ratio(f.hot, f.ceilingHot) + " of 1c");
        row(r, all, "3. hot payment: p50 / **p99** / max (closed loop)", f -> f.hot == null ? "–"
                : ms(f.hot.latencyUs(), 50) + " / **" + ms(f.hot.latencyUs(), 99) + "** / " + ms(f.hot.latencyUs(), 100)
                + " ms");
        row(r, all, "4. **pipeline**: highest steady rate whose backlog (INITIATED + PROCESSING) stays flat",
                f -> (f.highestFlatRate == null ? "below " + fmt(settings.pipelineStartRate) + "/s"
                        : "**" + fmt(f.highestFlatRate) + "/s** (next tested: " + firstGrowing(f) + ")")
                        + (f.pipelineLimit.isEmpty() ? "" : "; " + f.pipelineLimit));
        row(r, all, "4. pipeline: highest tested rate at which webhook delivery keeps up (the backlog of refunds whose"
                + " `payment.refunded` has not arrived stays flat)", f -> !Boolean.TRUE.equals(f.webhooks)
                ? "webhooks not available" : f.steps.stream().filter(Step::webhooksFlat).mapToDouble(Step::rate)
                .max().stream().mapToObj(v -> "**" + fmt(v) + "/s**").findFirst().orElse("none of the tested rates")
                + f.steps.stream().filter(st -> !st.webhooksFlat()).mapToDouble(Step::rate).min().stream()
                .mapToObj(v -> " (" + fmt(v) + "/s falls behind)").findFirst().orElse(""));
        row(r, all, "4. pipeline: create → COMPLETED (completed_at_ms − initiated_at_ms): p50 / p99",
                f -> f.headlineStep == null ? "–" : String.format(Locale.ROOT, "at %.0f/s: **%s / %s ms** (%s)",
                        f.headlineStep.rate(), ms(f.headlineStep.completeUs(), 50), ms(f.headlineStep.completeUs(), 99),
                        f.headlineStep.conditions()));
        row(r, all, "4. pipeline: create → webhook `payment.refunded` received: p50 / p99",
                f -> f.headlineStep == null || !Boolean.TRUE.equals(f.webhooks) ? "webhooks not available"
                        : String.format(Locale.ROOT, "at %.0f/s: **%s / %s ms**%s", f.headlineStep.rate(),
                        ms(f.headlineStep.webhookRefundedUs(), 50), ms(f.headlineStep.webhookRefundedUs(), 99),
                        f.headlineStep.webhookMissing() > 0 ? " (" + f.headlineStep.webhookMissing() + " missing)"
                                : ""));
        row(r, all, "4. pipeline: create → webhook `refund.created` received: p50 / p99",
                f -> f.headlineStep == null || !Boolean.TRUE.equals(f.webhooks) ? "webhooks not available"
                        : ms(f.headlineStep.webhookCreatedUs(), 50) + " / " + ms(f.headlineStep.webhookCreatedUs(), 99)
                        + " ms");
        row(r, all, "5. **start-up** to the first 200 from /health: empty database (runs the migrations) / migrated"
                + " / pipeline run (empty)", f -> "**" + f.startupFirstMs + "** / " + f.startupRestartMs + " / "
                + f.startupPipelineMs + " ms");
        row(r, all, "5. service **RSS** after the request load (peak) / after the pipeline",
                f -> String.format(Locale.ROOT, "**%.0f MiB** (%.0f) / %.0f MiB", f.rssAfterLoadMiB,
                        f.peakRssAfterLoadMiB, f.rssAfterPipelineMiB));
        r.add("");
        for (Figures f : all) {
            r.add("Pipeline steps, " + f.backend + ": " + fmt(settings.stepSeconds) + " s each at a constant rate"
                    + " (in the order run), settle delay 0 s, settlement and webhook workers on, one webhook endpoint"
                    + " (all event types) on a local receiver. The backlog (refunds INITIATED or PROCESSING) is rebuilt"
                    + " from each refund's initiated/completed times every 250 ms; *flat* = its least-squares slope"
                    + " over the second half of the step is at most max(" + fmt(100 * FLAT_SHARE) + "% of the rate, "
                    + fmt(FLAT_MIN) + "/s) or its last quarter is not clearly above its second (at most 1.5 × + "
                    + fmt(FLAT_MIN) + "), every request was accepted and every refund completed within 2 minutes"
                    + " after the step. The webhook backlog (refunds whose `payment.refunded` has not arrived) is"
                    + " judged the same way.");
            r.add("");
            r.add("| rate /s | accepted /s | refunds | backlog mean / end | backlog slope /s | create → COMPLETED p50 / p99"
                    + " ms | create → `payment.refunded` received p50 / p99 ms | webhook backlog slope /s | flat |"
                    + " conditions |");
            r.add("|---|---|---|---|---|---|---|---|---|---|");
            for (Step s : f.steps) {
                r.add(String.format(Locale.ROOT, "| %.0f | %.0f | %d | %.1f / %.0f | %.2f | %s / %s | %s | %s | %s | %s |",
                        s.rate(), s.achieved(), s.refunds(), s.backlogMean(), s.backlogEnd(), s.backlogSlope(),
                        ms(s.completeUs(), 50), ms(s.completeUs(), 99),
                        Boolean.TRUE.equals(f.webhooks) ? ms(s.webhookRefundedUs(), 50) + " / "
                                + ms(s.webhookRefundedUs(), 99) + (s.webhookMissing() > 0 ? " (" + s.webhookMissing()
                                + " missing)" : "") : "–",
                        Boolean.TRUE.equals(f.webhooks) ? String.format(Locale.ROOT, "%.2f%s", s.webhookSlope(),
                                s.webhooksFlat() ? "" : " (falls behind)") : "–",
                        s.flat() ? "yes" : "no: " + s.why(), s.conditions()));
            }
            r.add("");
        }
        return r;
    }

    private static String dbName(Figures f) {
        return f.backend.equals("MariaDB") ? "mariadbd" : "mariadbd (not used: H2 runs inside the service)";
    }

    private static String firstGrowing(Figures f) {
        return f.steps.stream().filter(s -> !s.flat()).mapToDouble(Step::rate).min()
                .stream().mapToObj(v -> fmt(v) + "/s grows").findFirst().orElse("none grew");
    }

    private interface Cell {
        String of(Figures f);
    }

    private static void row(List<String> r, List<Figures> all, String name, Cell cell) {
        StringBuilder line = new StringBuilder("| ").append(name).append(" |");
        for (Figures f : all) {
            String text;
            try {
                text = cell.of(f);
            } catch (RuntimeException e) {
                text = "–";
            }
            line.append(' ').append(text).append(" |");
        }
        r.add(line.toString());
    }

    private static String rate(Measured m) {
        return m == null ? "–" : String.format(Locale.ROOT, "**%.0f/s** (%s)", m.perSecond(), m.conditions());
    }

    private static String txLatency(Measured m) {
        return m == null ? "" : "; transaction p50 " + ms(m.latencyUs(), 50) + " ms, p99 " + ms(m.latencyUs(), 99)
                + " ms" + (m.failures() > 0 ? "; " + m.failures() + " rolled back" : "");
    }

    private static String failures(Measured m) {
        return m == null || m.failures() == 0 ? "" : "; not 2xx: " + m.detail();
    }

    private static String ratio(Measured a, Measured b) {
        return a == null || b == null || b.perSecond() == 0 ? "–"
                : String.format(Locale.ROOT, "%.0f%%", 100 * a.perSecond() / b.perSecond());
    }

    static String ms(Histogram h, double percentile) {
        if (h == null || h.getTotalCount() == 0) {
            return "–";
        }
        long us = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return us >= 100_000 ? String.format(Locale.ROOT, "%.0f", us / 1000.0)
                : String.format(Locale.ROOT, "%.1f", us / 1000.0);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private void note(String text) {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " [load " + Proc.loadAverages() + "] " + text;
        log.add(line);
        System.err.println(line);
    }

    // ----------------------------------------------------------------------------------------------- the md file

    /** Replaces the part of {@code file} between this section's markers, or appends it. */
    static void writeSection(Path file, String section, List<String> lines) throws IOException {
        String start = "<!-- bench:" + section + ":start (written by scripts/benchmark.sh) -->";
        String end = "<!-- bench:" + section + ":end -->";
        String body = start + "\n" + String.join("\n", lines) + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + body + text.substring(to + end.length());
        } else {
            text = text + (text.endsWith("\n") ? "" : "\n") + "\n" + body + "\n";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
