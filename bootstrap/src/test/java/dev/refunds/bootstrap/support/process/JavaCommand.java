package dev.refunds.bootstrap.support.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the service's JVM is started: the runnable jar ({@code java -jar}, as the README starts it) or, under
 * Surefire where the shaded jar does not exist yet, {@code dev.refunds.bootstrap.Application} from the test class
 * path. Micronaut settings may be given as system properties ({@code -Dkey=value}).
 */
public record JavaCommand(List<String> jvmOptions, Path jar) {
    /** The jar {@code ./mvnw package} builds, seen from the bootstrap module (where Failsafe runs). */
    public static final Path BUILT_JAR = Path.of("target", "refunds-service.jar");

    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** {@code java <jvmOptions> -jar <jar>}. */
    public static JavaCommand jar(Path jar, List<String> jvmOptions) {
        return new JavaCommand(jvmOptions, jar.toAbsolutePath());
    }

    /** The application's main class from this JVM's class path, with a small heap (several run side by side). */
    public static JavaCommand testClassPath() {
        return new JavaCommand(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), null);
    }

    List<String> line(Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(classPath());
            command.add("dev.refunds.bootstrap.Application");
        }
        return command;
    }

    /** The test class path (Surefire puts it in a manifest-only jar; it names the real one here). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
