package dev.stance.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.StatementReader;
import dev.stance.model.Json;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures one model's cost in a fresh JVM, so every model is timed under the same process conditions and
 * peak memory belongs to that model alone: load time, statements per second at batch sizes 1 and 32 (after a
 * warm-up; several repetitions, each at least {@code minSeconds} long; median, min and max), and peak resident
 * memory (VmHWM). Prints one line {@code SPEED_JSON {...}} on stdout.
 */
public final class SpeedProbe {
    static final String MARKER = "SPEED_JSON ";

    private SpeedProbe() {
    }

    /** Arguments: model folder, repetitions, minimum seconds per repetition, data files... */
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int reps = Integer.parseInt(args[1]);
        double minSeconds = Double.parseDouble(args[2]);
        List<Path> files = Arrays.stream(args).skip(3).map(Path::of).toList();
        List<StatementInput> inputs = StatementReader.readAll(files).stream()
                .map(s -> new StatementInput(s.text(), s.context())).toList();
        System.out.println(MARKER + Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(measure(model, inputs, reps, minSeconds)));
    }

    public static ObjectNode measure(Path dir, List<StatementInput> inputs, int reps, double minSeconds) throws IOException {
        ObjectNode out = Json.MAPPER.createObjectNode();
        long t0 = System.nanoTime();
        try (StanceModel m = ModelStore.load(dir)) {
            out.put("load_seconds", (System.nanoTime() - t0) / 1e9);
            for (int batch : new int[] {1, 32}) {
                List<List<StatementInput>> batches = batches(inputs, batch);
                run(m, batches.subList(0, Math.min(2, batches.size())), 0); // warm-up
                double[] rates = new double[reps];
                for (int r = 0; r < reps; r++) {
                    rates[r] = run(m, batches, minSeconds);
                }
                Arrays.sort(rates);
                ObjectNode b = out.putObject("batch_" + batch);
                b.put("median", rates[reps / 2]);
                b.put("min", rates[0]);
                b.put("max", rates[reps - 1]);
                b.put("repetitions", reps);
            }
        }
        out.put("peak_rss_mb", peakRssMb());
        return out;
    }

    private static List<List<StatementInput>> batches(List<StatementInput> inputs, int size) {
        List<List<StatementInput>> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i += size) {
            out.add(inputs.subList(i, Math.min(inputs.size(), i + size)));
        }
        return out;
    }

    /** Statements per second over full passes through the batches, repeated until minSeconds have passed. */
    private static double run(StanceModel m, List<List<StatementInput>> batches, double minSeconds) {
        long start = System.nanoTime();
        long n = 0;
        do {
            for (List<StatementInput> b : batches) {
                m.predict(b);
                n += b.size();
            }
        } while ((System.nanoTime() - start) / 1e9 < minSeconds);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Peak resident set size of this process in MB (Linux), or -1 when unknown. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

}
