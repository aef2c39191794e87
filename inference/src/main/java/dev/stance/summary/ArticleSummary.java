package dev.stance.summary;

import dev.stance.data.Task;
import dev.stance.score.ArticleResult;
import dev.stance.score.ScoredSentence;
import dev.stance.statements.StatementKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an analyst wants first from one article, computed over its statements (kind direct or reported, never
 * narration): label counts per task, each speaker's dominant labels, and the most hostile and most rhetorical
 * statements.
 */
public record ArticleSummary(String article, String sha256, String lang, int sentences, int statements,
                             Map<Task, Map<String, Integer>> counts, List<SpeakerSummary> speakers,
                             List<Top> topHostile, List<Top> topRhetorical) {
    static final int TOP = 3;

    /** A speaker's statement count and label counts; the dominant label is the most frequent (ties: first in label order). */
    public record SpeakerSummary(String speaker, int statements, Map<Task, Map<String, Integer>> counts) {
        public String dominant(Task task) {
            String best = null;
            int n = -1;
            for (Map.Entry<String, Integer> e : counts.get(task).entrySet()) {
                if (e.getValue() > n) {
                    best = e.getKey();
                    n = e.getValue();
                }
            }
            return best;
        }
    }

    /** One statement in a top list: its sentence index, text and the probability ranked by. */
    public record Top(int index, String text, double p) {
    }

    public static ArticleSummary of(ArticleResult r) {
        List<ScoredSentence> st = r.sentences().stream().filter(s -> s.kind() != StatementKind.NARRATION).toList();
        Map<String, List<ScoredSentence>> bySpeaker = new LinkedHashMap<>();
        for (ScoredSentence s : st) {
            bySpeaker.computeIfAbsent(s.speaker(), k -> new ArrayList<>()).add(s);
        }
        List<SpeakerSummary> speakers = new ArrayList<>();
        bySpeaker.forEach((k, v) -> speakers.add(new SpeakerSummary(k, v.size(), counts(v))));
        speakers.sort(Comparator.comparingInt(SpeakerSummary::statements).reversed());
        return new ArticleSummary(r.article().id(), r.sha256(), r.lang(), r.sentences().size(), st.size(),
                counts(st), speakers, top(st, Task.STANCE, "hostile"), top(st, Task.OPENNESS, "rhetorical"));
    }

    private static Map<Task, Map<String, Integer>> counts(List<ScoredSentence> st) {
        Map<Task, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Task t : Task.values()) {
            Map<String, Integer> m = new LinkedHashMap<>();
            t.labels().forEach(l -> m.put(l, 0));
            for (ScoredSentence s : st) {
                m.merge(s.prediction().get(t).label(), 1, Integer::sum);
            }
            out.put(t, m);
        }
        return out;
    }

    private static List<Top> top(List<ScoredSentence> st, Task task, String label) {
        return st.stream()
                .sorted(Comparator.comparingDouble((ScoredSentence s) -> -s.prediction().get(task).p().get(label))
                        .thenComparingInt(ScoredSentence::index))
                .limit(TOP)
                .map(s -> new Top(s.index(), s.text(), s.prediction().get(task).p().get(label)))
                .toList();
    }
}
