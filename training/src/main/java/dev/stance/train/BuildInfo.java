package dev.stance.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Library versions and the git commit, recorded in every manifest. */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static Map<String, String> libraries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tribuo", org.tribuo.Tribuo.VERSION);
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    /** {@code git rev-parse HEAD} of the working tree (with "-dirty" if it has changes), or "unknown". */
    public static String gitCommit() {
        Path dir = Path.of(System.getProperty("stance.home", "."));
        String head = run(dir, "git", "rev-parse", "HEAD");
        if (head == null) {
            return "unknown";
        }
        String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
        return status != null && !status.isBlank() ? head + "-dirty" : head;
    }

    private static String run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
