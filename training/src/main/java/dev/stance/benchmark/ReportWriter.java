package dev.stance.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.Task;
import dev.stance.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes report.json, report.md and the PNG charts it embeds into a folder. */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(ObjectNode report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        Json.MAPPER.writeValue(dir.resolve("report.json").toFile(), report);
        List<String> charts = new ArrayList<>();
        for (Task t : Task.values()) {
            if (labelled(report, t)) { // a task the data has no label for has nothing to draw
                charts.add(f1Chart(report, t, dir));
                charts.add(reliabilityChart(report, t, dir));
            }
        }
        if (report.get("models").get(0).has("speed")) {
            charts.add(tradeoffChart(report, dir));
        }
        for (JsonNode m : report.get("models")) {
            for (Task t : Task.values()) {
                if (labelled(report, t)) {
                    confusionChart(m, t, dir);
                }
            }
        }
        Files.writeString(dir.resolve("report.md"), markdown(report, charts), StandardCharsets.UTF_8);
    }

    /** Whether the benchmark data has labelled statements for {@code t} (else its metrics are null). */
    private static boolean labelled(JsonNode report, Task t) {
        return report.get("models").get(0).get("quality").get(t.key()).get("n").asInt() > 0;
    }

    static String markdown(ObjectNode r, List<String> charts) {
        StringBuilder sb = new StringBuilder("# Benchmark report\n\n");
        JsonNode data = r.get("data");
        sb.append(String.format(Locale.ROOT, "%d statements from %s; languages %s. 95 %% intervals from %d paired "
                        + "bootstrap resamples (seed %d). Baseline: `%s`.%n%n", data.get("n").asInt(),
                String.join(", ", data.get("files").findValuesAsText("path")), data.get("languages").toString(),
                r.get("bootstrap").get("resamples").asInt(), r.get("bootstrap").get("seed").asLong(),
                r.get("baseline").asText()));
        sb.append("## Summary\n\n| model | family | stance macro-F1 | openness macro-F1 | stance acc. | openness acc. "
                + "| ECE s/o | Brier s/o | load s | stmts/s b=1 | stmts/s b=32 | peak RSS MB | size MB |\n"
                + "|---|---|---|---|---|---|---|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode m : r.get("models")) {
            JsonNode q = m.get("quality");
            JsonNode c = m.get("calibration");
            JsonNode s = m.get("speed");
            sb.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s | %s | %s | %s | %.1f |%n",
                    m.get("id").asText(), m.get("family").asText(),
                    ci(q.get("stance").get("macro_f1")), ci(q.get("openness").get("macro_f1")),
                    ci(q.get("stance").get("accuracy")), ci(q.get("openness").get("accuracy")),
                    fixed(c.get("stance").get("ece")), fixed(c.get("openness").get("ece")),
                    fixed(c.get("stance").get("brier")), fixed(c.get("openness").get("brier")),
                    s == null ? "-" : num(s.get("load_seconds")),
                    s == null ? "-" : rate(s.get("batch_1")), s == null ? "-" : rate(s.get("batch_32")),
                    s == null ? "-" : String.format(Locale.ROOT, "%.0f", s.get("peak_rss_mb").asDouble()),
                    m.get("size_mb").asDouble()));
        }
        sb.append("\nSpeed: median of the repetitions (min–max in report.json), each model in its own JVM after a "
                + "warm-up; size is the model folder (the transformer families also use the shared 1.7 GB encoder "
                + "cache).\n");
        for (Task t : Task.values()) {
            sb.append("\n## ").append(t.key()).append(" by language (macro-F1, 95 % CI)\n\n| model |");
            List<String> langs = new ArrayList<>();
            r.get("models").get(0).get("quality").get(t.key()).get("by_lang").fieldNames().forEachRemaining(langs::add);
            langs.forEach(l -> sb.append(' ').append(l).append(" |"));
            sb.append("\n|---|");
            langs.forEach(l -> sb.append("---|"));
            sb.append('\n');
            for (JsonNode m : r.get("models")) {
                sb.append("| `").append(m.get("id").asText()).append("` |");
                for (String l : langs) {
                    JsonNode x = m.get("quality").get(t.key()).get("by_lang").get(l);
                    sb.append(' ').append(ci(x.get("macro_f1"))).append(" (n=").append(x.get("n").asInt()).append(") |");
                }
                sb.append('\n');
            }
            sb.append("\n### ").append(t.key()).append(" per class (precision / recall / F1)\n\n| model |");
            t.labels().forEach(l -> sb.append(' ').append(l).append(" |"));
            sb.append("\n|---|");
            t.labels().forEach(l -> sb.append("---|"));
            sb.append('\n');
            for (JsonNode m : r.get("models")) {
                sb.append("| `").append(m.get("id").asText()).append("` |");
                for (String l : t.labels()) {
                    JsonNode c = m.get("quality").get(t.key()).path("per_class").get(l);
                    sb.append(c == null ? " n/a |" : String.format(Locale.ROOT, " %.2f / %.2f / %.2f |",
                            c.get("precision").asDouble(), c.get("recall").asDouble(), c.get("f1").asDouble()));
                }
                sb.append('\n');
            }
        }
        sb.append("\n## Against the baseline `").append(r.get("baseline").asText()).append("`\n\n"
                + "| model | task | macro-F1 difference (95 % CI) | paired bootstrap p | McNemar: only baseline right / only model right | McNemar p |\n"
                + "|---|---|---|---|---|---|\n");
        for (JsonNode m : r.get("models")) {
            if (m.get("id").asText().equals(r.get("baseline").asText())) {
                continue;
            }
            for (Task t : Task.values()) {
                JsonNode v = m.get("vs_baseline").get(t.key());
                sb.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s / %s | %s |%n", m.get("id").asText(),
                        t.key(), signedCi(v.get("macro_f1_diff")), fixed(v.get("bootstrap_p")),
                        v.get("mcnemar_baseline_only_right").asText(), v.get("mcnemar_model_only_right").asText(),
                        fixed(v.get("mcnemar_p"))));
            }
        }
        if (r.has("gate")) {
            JsonNode g = r.get("gate");
            sb.append("\n## Release gate\n\nMaximum allowed drop below the baseline: ").append(g.get("max_drop").asDouble())
                    .append(". ");
            sb.append(g.get("failures").isEmpty() ? "Passed.\n" : "FAILED:\n\n");
            g.get("failures").forEach(f -> sb.append("- ").append(f.asText()).append('\n'));
        }
        sb.append("\n## Charts\n\n");
        charts.forEach(c -> sb.append("![").append(c).append("](").append(c).append(")\n\n"));
        sb.append("Confusion matrices: `confusion-<model>-<task>.png` (rows gold, columns predicted).\n");
        return sb.toString();
    }

    /** A null metric (no labelled statement for the task) is shown as n/a. */
    private static String fixed(JsonNode v) {
        return v == null || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }

    private static String ci(JsonNode i) {
        if (i == null || i.isNull()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.get("estimate").asDouble(), i.get("low").asDouble(),
                i.get("high").asDouble());
    }

    private static String signedCi(JsonNode i) {
        if (i == null || i.isNull()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", i.get("estimate").asDouble(), i.get("low").asDouble(),
                i.get("high").asDouble());
    }

    private static String num(JsonNode n) {
        return String.format(Locale.ROOT, "%.1f", n.asDouble());
    }

    private static String rate(JsonNode b) {
        return String.format(Locale.ROOT, "%.1f", b.get("median").asDouble());
    }

    private static String f1Chart(ObjectNode r, Task t, Path dir) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480)
                .title(t.key() + " macro-F1 by language (95% bootstrap CI)").xAxisTitle("language").yAxisTitle("macro-F1").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (JsonNode m : r.get("models")) {
            JsonNode q = m.get("quality").get(t.key());
            List<String> x = new ArrayList<>(List.of("all"));
            List<Double> y = new ArrayList<>(List.of(q.get("macro_f1").get("estimate").asDouble()));
            List<Double> err = new ArrayList<>(List.of(halfWidth(q.get("macro_f1"))));
            q.get("by_lang").fields().forEachRemaining(e -> {
                x.add(e.getKey());
                y.add(e.getValue().get("macro_f1").get("estimate").asDouble());
                err.add(halfWidth(e.getValue().get("macro_f1")));
            });
            chart.addSeries(m.get("id").asText(), x, y, err);
        }
        String name = "macro-f1-" + t.key() + ".png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name;
    }

    /** XChart draws symmetric error bars; use the larger side of the percentile interval. */
    private static double halfWidth(JsonNode i) {
        double e = i.get("estimate").asDouble();
        return Math.max(i.get("high").asDouble() - e, e - i.get("low").asDouble());
    }

    private static String reliabilityChart(ObjectNode r, Task t, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder().width(600).height(500).title(t.key() + " reliability")
                .xAxisTitle("confidence").yAxisTitle("accuracy").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries diag = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diag.setMarker(SeriesMarkers.NONE);
        for (JsonNode m : r.get("models")) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (JsonNode b : m.get("calibration").get(t.key()).get("bins")) {
                if (b.get("count").asInt() > 0) {
                    x.add(b.get("confidence").asDouble());
                    y.add(b.get("accuracy").asDouble());
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(m.get("id").asText(), x, y);
            }
        }
        String name = "reliability-" + t.key() + ".png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name;
    }

    private static String tradeoffChart(ObjectNode r, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder().width(700).height(500).title("quality vs throughput (batch 32)")
                .xAxisTitle("statements per second (log)").yAxisTitle("mean macro-F1 of the labelled tasks").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (JsonNode m : r.get("models")) {
            double speed = m.get("speed").get("batch_32").get("median").asDouble();
            double f1 = Arrays.stream(Task.values()).map(t -> m.get("quality").get(t.key()).get("macro_f1"))
                    .filter(f -> !f.isNull()).mapToDouble(f -> f.get("estimate").asDouble()).average().orElse(0);
            chart.addSeries(m.get("id").asText(), new double[] {speed}, new double[] {f1});
        }
        String name = "quality-vs-throughput.png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name;
    }

    private static void confusionChart(JsonNode m, Task t, Path dir) throws IOException {
        JsonNode cm = m.get("quality").get(t.key()).get("confusion");
        List<String> labels = new ArrayList<>();
        cm.get("labels").forEach(l -> labels.add(l.asText()));
        List<Number[]> cells = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                // heat map y runs bottom-up; put the first gold label on top
                cells.add(new Number[] {p, labels.size() - 1 - g, cm.get("matrix").get(g).get(p).asLong()});
            }
        }
        List<String> yLabels = new ArrayList<>(labels);
        java.util.Collections.reverse(yLabels);
        HeatMapChart chart = new HeatMapChartBuilder().width(600).height(500)
                .title(m.get("id").asText() + " " + t.key() + " (rows gold, columns predicted)").build();
        chart.getStyler().setShowValue(true);
        chart.addSeries("counts", labels, yLabels, cells);
        BitmapEncoder.saveBitmap(chart, dir.resolve("confusion-" + m.get("id").asText() + "-" + t.key() + ".png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }
}
