package dev.refunds.bootstrap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples another JVM's used heap (survivors + eden + old, from {@code jstat -gc}) every 100 ms and keeps the
 * highest value seen since the last {@link #resetPeak()}: what the service really held, garbage included.
 */
final class HeapSampler implements AutoCloseable {
    private final Process jstat;
    private final Thread reader;
    private final AtomicLong peakKb = new AtomicLong();
    private final AtomicLong lastKb = new AtomicLong();
    /** The old generation holds what survived collections: it grows if the export keeps rows. */
    private final AtomicLong peakOldKb = new AtomicLong();

    HeapSampler(long pid) throws IOException {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jstat");
        jstat = new ProcessBuilder(tool.toString(), "-gc", Long.toString(pid), "100").redirectErrorStream(true)
                .start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String[] header = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 0 && fields[0].equals("S0C")) {
                    header = fields;
                } else if (header != null && fields.length == header.length) {
                    long usedKb = (long) (column(header, fields, "S0U") + column(header, fields, "S1U")
                            + column(header, fields, "EU") + column(header, fields, "OU"));
                    lastKb.set(usedKb);
                    peakKb.accumulateAndGet(usedKb, Math::max);
                    peakOldKb.accumulateAndGet((long) column(header, fields, "OU"), Math::max);
                }
            }
        } catch (IOException | NumberFormatException stopped) {
            // jstat ended with the sampled process, or printed something else; the peak so far stands
        }
    }

    private static double column(String[] header, String[] fields, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return fields[i].equals("-") ? 0 : Double.parseDouble(fields[i]);
            }
        }
        throw new IllegalStateException("jstat -gc has no column " + name);
    }

    void resetPeak() {
        peakKb.set(lastKb.get());
        peakOldKb.set(0);
    }

    double peakOldMiB() {
        return peakOldKb.get() / 1024.0;
    }

    double peakMiB() {
        return peakKb.get() / 1024.0;
    }

    double lastMiB() {
        return lastKb.get() / 1024.0;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
