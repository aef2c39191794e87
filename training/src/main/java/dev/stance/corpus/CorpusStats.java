package dev.stance.corpus;

import dev.stance.data.Statement;
import dev.stance.data.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts per language × label × split and text lengths, rendered as Markdown tables. */
public final class CorpusStats {
    private static final List<String> SPLITS = List.of("train", "dev", "test", "-");

    private CorpusStats() {
    }

    public static String render(List<Statement> data) {
        StringBuilder sb = new StringBuilder();
        TreeSet<String> langs = new TreeSet<>();
        data.forEach(s -> langs.add(lang(s)));
        sb.append(String.format(Locale.ROOT, "%d statements%n%n", data.size()));
        sb.append("### Statements per language and split\n\n");
        sb.append("| lang | train | dev | test | no split | total |\n|---|---:|---:|---:|---:|---:|\n");
        for (String lang : langs) {
            sb.append("| ").append(lang);
            int total = 0;
            for (String split : SPLITS) {
                int c = (int) data.stream().filter(s -> lang(s).equals(lang) && split(s).equals(split)).count();
                total += c;
                sb.append(" | ").append(c);
            }
            sb.append(" | ").append(total).append(" |\n");
        }
        sb.append(totalRow(data));
        for (Task task : Task.values()) {
            sb.append("\n### ").append(task.key()).append(" per language (train/dev/test)\n\n| lang |");
            List<String> labels = new ArrayList<>(task.labels());
            labels.forEach(l -> sb.append(' ').append(l).append(" |"));
            sb.append(" total |\n|---|");
            labels.forEach(l -> sb.append("---:|"));
            sb.append("---:|\n");
            List<String> rows = new ArrayList<>(langs);
            rows.add("all");
            for (String lang : rows) {
                sb.append("| ").append(lang).append(" |");
                int total = 0;
                for (String label : labels) {
                    int[] c = new int[3];
                    for (Statement s : data) {
                        if ((lang.equals("all") || lang(s).equals(lang)) && label.equals(s.label(task))) {
                            int k = SPLITS.indexOf(split(s));
                            if (k < 3) {
                                c[k]++;
                            }
                            total++;
                        }
                    }
                    sb.append(String.format(Locale.ROOT, " %d (%d/%d/%d) |", c[0] + c[1] + c[2], c[0], c[1], c[2]));
                }
                sb.append(' ').append(total).append(" |\n");
            }
        }
        sb.append("\n### Stance × openness\n\n| stance \\ openness |");
        Task.OPENNESS.labels().forEach(l -> sb.append(' ').append(l).append(" |"));
        sb.append("\n|---|---:|---:|---:|\n");
        for (String st : Task.STANCE.labels()) {
            sb.append("| ").append(st).append(" |");
            for (String op : Task.OPENNESS.labels()) {
                sb.append(' ').append(data.stream().filter(s -> st.equals(s.stance()) && op.equals(s.openness())).count())
                        .append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n### Text length (characters)\n\n| lang | min | median | mean | max |\n|---|---:|---:|---:|---:|\n");
        Map<String, List<Integer>> lengths = new TreeMap<>();
        for (Statement s : data) {
            lengths.computeIfAbsent(lang(s), k -> new ArrayList<>()).add(s.text().length());
            lengths.computeIfAbsent("all", k -> new ArrayList<>()).add(s.text().length());
        }
        lengths.forEach((lang, l) -> {
            Collections.sort(l);
            double mean = l.stream().mapToInt(Integer::intValue).average().orElse(0);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %d |%n", lang, l.get(0), l.get(l.size() / 2),
                    mean, l.get(l.size() - 1)));
        });
        return sb.toString();
    }

    private static String totalRow(List<Statement> data) {
        StringBuilder sb = new StringBuilder("| all");
        for (String split : SPLITS) {
            sb.append(" | ").append(data.stream().filter(s -> split(s).equals(split)).count());
        }
        return sb.append(" | ").append(data.size()).append(" |\n").toString();
    }

    private static String lang(Statement s) {
        return s.lang() == null ? "?" : s.lang();
    }

    private static String split(Statement s) {
        return s.split() == null ? "-" : s.split();
    }
}
