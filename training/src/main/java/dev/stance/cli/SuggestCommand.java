package dev.stance.cli;

import dev.stance.data.RecordError;
import dev.stance.label.CandidateReader;
import dev.stance.label.QueueFile;
import dev.stance.label.QueueItem;
import dev.stance.label.Selector;
import dev.stance.label.Strategy;
import dev.stance.model.ModelStore;
import dev.stance.model.StanceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stance suggest}: the statements worth labelling next, as a labelling queue. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Pick statements (not narration) to label next: the ones the model is least sure of on both"
                + " tasks, spread over articles, speakers and languages, without near-duplicates.",
                "Inputs: score output (.jsonl), statement records (.jsonl), or articles (.txt/.md/.html, folders).",
                "Exit codes: 0 ok, 1 usage error, 2 queue written but some inputs could not be read."})
public final class SuggestCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model id, folder, or 'default' (the default).")
    String model;

    @Option(names = "--n", defaultValue = "200", description = "How many to pick (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--strategy", defaultValue = "diverse",
            description = "uncertainty | margin | diverse | density | random (default ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--seed", defaultValue = "42", description = "Tie-breaks and MinHash functions (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "The queue file to write (JSONL).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        Strategy s = Strategy.fromKey(strategy);
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1");
        }
        List<Selector.Pick> picks;
        CandidateReader read;
        String modelId;
        try (StanceModel m = ModelStore.local().load(model)) {
            modelId = m.id();
            read = CandidateReader.read(inputs, m);
            List<float[]> vectors = s == Strategy.DIVERSE ? CandidateReader.vectors(m, read.candidates()) : null;
            picks = Selector.select(read.candidates(), n, s, seed, vectors);
        }
        for (RecordError e : read.errors()) {
            System.err.println("error: " + e);
        }
        List<QueueItem> queue = new ArrayList<>();
        Map<String, Integer> perLang = new TreeMap<>();
        java.util.Set<String> groups = new java.util.HashSet<>();
        java.util.Set<String> speakers = new java.util.HashSet<>();
        for (Selector.Pick p : picks) {
            var c = p.candidate();
            queue.add(new QueueItem(c.statement(), c.group(), c.prediction(), modelId, p.reason()));
            perLang.merge(String.valueOf(c.statement().lang()), 1, Integer::sum);
            groups.add(c.group());
            if (c.statement().speaker() != null) {
                speakers.add(c.statement().speaker());
            }
        }
        QueueFile.write(out, queue);
        System.out.printf("picked %d of %d candidates (%s, seed %d, model %s) from %d articles, %d speakers; by language %s%n",
                picks.size(), read.candidates().size(), s.key(), seed, modelId, groups.size(), speakers.size(), perLang);
        System.out.println("wrote " + out);
        return read.errors().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
