package dev.refunds.bootstrap.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a JFR recording of the service under load and says what dominates: CPU samples by the method on top of
 * the stack (self) and by every method on the stack (inclusive, the service's own and the libraries' entry
 * points), CPU samples by library, allocation by site, where threads waited (parks, monitors, socket reads) and
 * the GC pauses.
 */
final class JfrSummary {
    private JfrSummary() {
    }

    /** Library groups, first match wins (on the top frame's class name). */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("dev.refunds.", "service code (dev.refunds)");
        GROUPS.put("com.mysql.", "JDBC driver (mysql-connector-j)");
        GROUPS.put("org.h2.", "H2 database");
        GROUPS.put("com.zaxxer.hikari.", "connection pool (Hikari)");
        GROUPS.put("io.netty.", "Netty");
        GROUPS.put("io.micronaut.data.", "Micronaut Data");
        GROUPS.put("io.micronaut.serde.", "Micronaut Serde (JSON)");
        GROUPS.put("io.micronaut.json.", "Micronaut Serde (JSON)");
        GROUPS.put("com.fasterxml.jackson.", "Jackson core (JSON)");
        GROUPS.put("io.micronaut.http.", "Micronaut HTTP");
        GROUPS.put("io.micronaut.", "Micronaut other");
        GROUPS.put("io.micrometer.", "Micrometer");
        GROUPS.put("ch.qos.logback.", "logging");
        GROUPS.put("org.slf4j.", "logging");
        GROUPS.put("com.sun.crypto.", "JDK crypto");
        GROUPS.put("sun.security.", "JDK crypto");
        GROUPS.put("javax.crypto.", "JDK crypto");
        GROUPS.put("java.util.regex.", "JDK regex");
        GROUPS.put("java.util.concurrent.", "JDK concurrency");
        GROUPS.put("java.lang.invoke.", "JDK method handles / lambdas");
        GROUPS.put("jdk.internal.reflect.", "JDK reflection");
        GROUPS.put("java.lang.reflect.", "JDK reflection");
        GROUPS.put("java.", "JDK other (java.*)");
        GROUPS.put("jdk.", "JDK other (jdk.*)");
        GROUPS.put("sun.", "JDK other (sun.*)");
    }

    static List<String> summarize(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> groups = new HashMap<>();
        Map<String, Long> callerGroups = new HashMap<>();
        Map<String, Long> callers = new HashMap<>();
        Map<String, Long> nativeTop = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        Map<String, Long> parkNanos = new HashMap<>();
        Map<String, Long> monitorNanos = new HashMap<>();
        Map<String, Long> socketReadNanos = new HashMap<>();
        long samples = 0;
        long nativeSamples = 0;
        long allocationTotal = 0;
        long gcCount = 0;
        long gcNanos = 0;
        long gcLongest = 0;
        Duration span = Duration.ZERO;
        java.time.Instant first = null;
        java.time.Instant last = null;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (first == null || event.getStartTime().isBefore(first)) {
                    first = event.getStartTime();
                }
                if (last == null || event.getEndTime().isAfter(last)) {
                    last = event.getEndTime();
                }
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = stack.getFrames();
                        String topMethod = name(frames.get(0));
                        self.merge(topMethod, 1L, Long::sum);
                        groups.merge(group(frames.get(0)), 1L, Long::sum);
                        RecordedFrame caller = frames.stream().filter(frame -> !isJdk(frame)).findFirst()
                                .orElse(frames.get(0));
                        callerGroups.merge(group(caller), 1L, Long::sum);
                        callers.merge(name(caller), 1L, Long::sum);
                        Set<String> seen = new HashSet<>();
                        for (RecordedFrame frame : frames) {
                            String method = name(frame);
                            if (seen.add(method)) {
                                inclusive.merge(method, 1L, Long::sum);
                            }
                        }
                    }
                    case "jdk.NativeMethodSample" -> {
                        nativeSamples++;
                        nativeTop.merge(firstInteresting(event.getStackTrace()), 1L, Long::sum);
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        long weight = event.getLong("weight");
                        allocationTotal += weight;
                        allocation.merge(firstInteresting(event.getStackTrace()) + " ← "
                                + name(event.getStackTrace(), 0), weight, Long::sum);
                    }
                    case "jdk.ThreadPark" -> parkNanos.merge(firstInteresting(event.getStackTrace()),
                            event.getDuration().toNanos(), Long::sum);
                    case "jdk.JavaMonitorEnter" -> monitorNanos.merge(firstInteresting(event.getStackTrace()),
                            event.getDuration().toNanos(), Long::sum);
                    case "jdk.SocketRead" -> socketReadNanos.merge(firstInteresting(event.getStackTrace()),
                            event.getDuration().toNanos(), Long::sum);
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        long pause = event.getDuration("sumOfPauses").toNanos();
                        gcNanos += pause;
                        gcLongest = Math.max(gcLongest, event.getDuration("longestPause").toNanos());
                    }
                    default -> {
                    }
                }
            }
        }
        if (first != null) {
            span = Duration.between(first, last);
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "recording: %s, %.0f s, %d CPU samples (Java code), %d native samples",
                recording.getFileName(), span.toMillis() / 1000.0, samples, nativeSamples));
        out.add("");
        out.add("CPU samples by library of the top frame:");
        table(out, groups, samples, top, "%");
        out.add("");
        out.add("CPU samples by library of the first non-JDK frame from the top (who made the JDK work):");
        table(out, callerGroups, samples, top, "%");
        out.add("");
        out.add("CPU samples by the first non-JDK method from the top:");
        table(out, callers, samples, top, "%");
        out.add("");
        out.add("CPU samples, top frames (self):");
        table(out, self, samples, top, "%");
        out.add("");
        out.add("CPU samples, methods anywhere on the stack (inclusive; service code and entry points):");
        Map<String, Long> interesting = inclusive.entrySet().stream()
                .filter(e -> e.getKey().startsWith("dev.refunds.") || e.getKey().startsWith("io.micronaut.data.")
                        || e.getKey().startsWith("io.micronaut.serde.") || e.getKey().startsWith("com.zaxxer.")
                        || e.getKey().startsWith("com.mysql.cj.jdbc.ClientPreparedStatement.")
                        || e.getKey().startsWith("com.mysql.cj.jdbc.ConnectionImpl.")
                        || e.getKey().startsWith("com.mysql.cj.QueryInfo.")
                        || e.getKey().startsWith("com.mysql.cj.jdbc.ServerPreparedStatement.")
                        || e.getKey().startsWith("io.micronaut.http.server.netty.")
                        || e.getKey().startsWith("io.micronaut.transaction.")
                        || e.getKey().startsWith("javax.crypto.") || e.getKey().startsWith("java.security.")
                        || e.getKey().contains("Logger.") || e.getKey().startsWith("io.micrometer."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        table(out, interesting, samples, top + 10, "%");
        out.add("");
        out.add(String.format(Locale.ROOT, "allocation (sampled weight %.0f MiB over the recording), top sites"
                + " (a thread's first allocation after a GC carries much weight: read with care):",
                allocationTotal / 1048576.0));
        table(out, allocation, allocationTotal, top, "%");
        out.add("");
        out.add("waiting: thread parks (total ms) by first service/library frame:");
        tableMillis(out, parkNanos, top);
        out.add("");
        out.add("waiting: monitor enter (total ms):");
        tableMillis(out, monitorNanos, top);
        out.add("");
        out.add("waiting: socket reads longer than the threshold (total ms):");
        tableMillis(out, socketReadNanos, top);
        out.add("");
        out.add(String.format(Locale.ROOT, "GC: %d collections, %.0f ms paused in all, longest pause %.1f ms",
                gcCount, gcNanos / 1e6, gcLongest / 1e6));
        return out;
    }

    private static void table(List<String> out, Map<String, Long> counts, long total, int top, String unit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.add(String.format(Locale.ROOT, "  %5.1f%s  %s", 100.0 * e.getValue()
                        / Math.max(1, total), unit, e.getKey())));
    }

    private static void tableMillis(List<String> out, Map<String, Long> nanos, int top) {
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.add(String.format(Locale.ROOT, "  %9.0f ms  %s", e.getValue() / 1e6, e.getKey())));
    }

    private static boolean isJdk(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("javax.") || type.startsWith("com.sun.");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String name(RecordedStackTrace stack, int index) {
        return stack == null || stack.getFrames().size() <= index ? "?" : name(stack.getFrames().get(index));
    }

    private static String group(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            if (type.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
    }

    /** The first frame from the top that belongs to the service, else to a library rather than the JDK. */
    private static String firstInteresting(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "?";
        }
        String library = null;
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.refunds.")) {
                return name(frame) + (library == null ? "" : " → " + library);
            }
            if (library == null && !type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                library = name(frame);
            }
        }
        return library != null ? library : name(stack.getFrames().get(0));
    }
}
