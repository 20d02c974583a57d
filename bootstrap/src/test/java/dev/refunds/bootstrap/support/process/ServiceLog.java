package dev.refunds.bootstrap.support.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading what a service process leaves: its log file, its /proc status. */
public final class ServiceLog {
    private ServiceLog() {
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireAlive(boolean alive, String name, Path log) {
        if (!alive) {
            throw new IllegalStateException(name + " exited; its figures or answers would be wrong. The end of "
                    + log + ":\n" + tail(log, 30));
        }
    }

    /** A "Key:   123 kB" line of /proc/[pid]/status, in kB; -1 when missing. */
    static long statusKb(long pid, String key) {
        for (String line : read(Path.of("/proc/" + pid + "/status")).split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /** The last {@code lines} lines, for a failure message. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
