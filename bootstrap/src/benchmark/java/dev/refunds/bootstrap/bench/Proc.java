package dev.refunds.bootstrap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** What Linux's /proc says about this machine and a few processes (read only). */
final class Proc {
    /** Clock ticks per second of /proc/[pid]/stat times (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    private Proc() {
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A "Key:   123 kB" line of /proc/[pid]/status, in kB; -1 when missing. */
    static long statusKb(long pid, String key) {
        for (String line : read("/proc/" + pid + "/status").split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /** User plus system CPU time of a process, in ticks; -1 when it is gone. */
    static long cpuTicks(long pid) {
        String stat = read("/proc/" + pid + "/stat");
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime (fields 14 and 15)
    }

    /** Busy and total jiffies of all CPUs together. */
    static long[] machineTicks() {
        String first = read("/proc/stat").split("\n")[0];
        String[] fields = first.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /**
     * Waits, at most {@code maxSeconds}, until the whole machine has been using less than {@code cores} CPU cores
     * for half a second: the previous figure's leftovers (the database flushing, the JIT) are done.
     */
    static void awaitQuiet(double cores, double maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        while (System.nanoTime() < deadline) {
            long[] before = machineTicks();
            Thread.sleep(500);
            long[] after = machineTicks();
            long total = after[1] - before[1];
            double busy = total == 0 ? 0 : (after[0] - before[0]) * (double) Runtime.getRuntime().availableProcessors()
                    / total;
            if (busy < cores) {
                return;
            }
        }
    }

    static double load1() {
        String[] fields = read("/proc/loadavg").trim().split("\\s+");
        return fields.length > 0 && !fields[0].isEmpty() ? Double.parseDouble(fields[0]) : -1;
    }

    static String loadAverages() {
        String[] fields = read("/proc/loadavg").trim().split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "?";
    }

    static long memTotalKb() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.substring(9).replace("kB", "").trim());
            }
        }
        return -1;
    }

    static String cpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "?";
    }

    /** The MariaDB server's pid: its pid file, else the process named mariadbd. */
    static OptionalLong mariadbdPid() {
        for (String file : List.of("/tmp/mariadbd.pid", "/run/mysqld/mysqld.pid")) {
            String text = read(file).trim();
            if (!text.isEmpty() && read("/proc/" + text + "/comm").trim().equals("mariadbd")) {
                return OptionalLong.of(Long.parseLong(text));
            }
        }
        return ProcessHandle.allProcesses()
                .filter(p -> read("/proc/" + p.pid() + "/comm").trim().equals("mariadbd"))
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    /** CPU used by some processes and by the whole machine between {@link #start} and {@link #stop}. */
    static final class CpuWindow {
        private final long[] pids;
        private final long[] before;
        private long[] machineBefore;
        private long startNanos;
        private double[] coresUsed;
        private double machineBusy;
        private double seconds;

        CpuWindow(long... pids) {
            this.pids = pids;
            this.before = new long[pids.length];
        }

        CpuWindow start() {
            for (int i = 0; i < pids.length; i++) {
                before[i] = pids[i] > 0 ? cpuTicks(pids[i]) : -1;
            }
            machineBefore = machineTicks();
            startNanos = System.nanoTime();
            return this;
        }

        CpuWindow stop() {
            seconds = (System.nanoTime() - startNanos) / 1e9;
            coresUsed = new double[pids.length];
            for (int i = 0; i < pids.length; i++) {
                long after = pids[i] > 0 ? cpuTicks(pids[i]) : -1;
                coresUsed[i] = before[i] < 0 || after < 0 ? Double.NaN
                        : (after - before[i]) / TICKS_PER_SECOND / seconds;
            }
            long[] machineAfter = machineTicks();
            long total = machineAfter[1] - machineBefore[1];
            machineBusy = total == 0 ? Double.NaN
                    : (machineAfter[0] - machineBefore[0]) * (double) Runtime.getRuntime().availableProcessors()
                    / total;
            return this;
        }

        /** Cores the i-th process used on average (1.0 = one core busy all the time). */
        double cores(int i) {
            return coresUsed[i];
        }

        /** Cores busy on the whole machine used by processes other than the ones watched. */
        double otherCores() {
            double watched = 0;
            for (double cores : coresUsed) {
                watched += Double.isNaN(cores) ? 0 : cores;
            }
            return Math.max(0, machineBusy - watched);
        }

        /** Cores busy on the whole machine, whoever used them. */
        double machineCores() {
            return machineBusy;
        }
    }
}
