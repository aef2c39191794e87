package dev.stance.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's {@code chromium} headless on a local file, for tests that check what a page looks like rather than
 * what its markup says. Each run gets a throwaway profile, and is killed (with its renderer children) on timeout.
 */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /**
     * The browser named by {@code STANCE_CHROMIUM}, else the first of {@link #NAMES} on the PATH. Without one the
     * test is skipped on a developer's machine, but fails under CI ({@code CI} or {@code STANCE_REQUIRE_CHROMIUM}
     * set), so the render check cannot silently stop running there.
     */
    static HeadlessChromium findOrSkip(Path work) {
        String explicit = System.getenv("STANCE_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isExecutable(p)) {
                fail("STANCE_CHROMIUM=" + explicit + " is not an executable file");
            }
            return new HeadlessChromium(p, work);
        }
        String path = System.getenv("PATH");
        for (String name : NAMES) {
            for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new HeadlessChromium(p, work);
                }
            }
        }
        String msg = "no headless browser found (" + String.join(", ", NAMES) + " on PATH, or STANCE_CHROMIUM); "
                + "install the Debian package: apt-get install --no-install-recommends chromium";
        if (isSet("CI") || isSet("STANCE_REQUIRE_CHROMIUM")) {
            fail(msg);
        }
        Assumptions.abort(msg);
        return null;
    }

    private static boolean isSet(String var) {
        String v = System.getenv(var);
        return v != null && !v.isBlank();
    }

    /** Renders {@code page} in a {@code width}×{@code height} window and returns the PNG it wrote. */
    Path screenshot(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = Files.createTempFile(work, "screenshot", ".png");
        Files.delete(png); // so a run that writes nothing cannot pass for one that did
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                // CSS colours land in the PNG unchanged only in sRGB at one device pixel per CSS pixel
                "--force-color-profile=srgb", "--force-device-scale-factor=1",
                "--screenshot=" + png.toAbsolutePath()), page);
        if (!Files.isRegularFile(png)) {
            fail("chromium exited without writing " + png);
        }
        return png;
    }

    /** The page's DOM as Chromium parsed and serialised it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return Files.readString(run(List.of("--dump-dom"), page));
    }

    /** Runs the browser on {@code page}; returns the file holding its standard output. */
    private Path run(List<String> extra, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path stdout = Files.createTempFile(work, "chromium", ".out");
        Path stderr = Files.createTempFile(work, "chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(extra);
        cmd.add(page.toAbsolutePath().toUri().toString());
        // output goes to files, not pipes: Chromium logs a lot (D-Bus) and would block on a full pipe
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd + "\n" + tail(stderr));
        }
        if (p.exitValue() != 0) {
            fail("chromium exited " + p.exitValue() + ": " + cmd + "\n" + tail(stderr));
        }
        return stdout;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }
}
