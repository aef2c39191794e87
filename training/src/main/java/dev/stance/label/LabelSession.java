package dev.stance.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.DataFormatException;
import dev.stance.data.RecordError;
import dev.stance.data.Statement;
import dev.stance.data.Task;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One labelling session: a queue and the answers file it fills.
 *
 * <p>The answers file is the whole state. Each answer is one JSON line (the statement record with its labels,
 * plus {@code status}: {@code labelled}, {@code skipped} or {@code not_statement}), appended and forced to disk
 * before the call returns, so a crash loses at most the item on screen. Undo truncates the file to before the
 * last line. Opening a session reads the file back and continues with the first queue item it does not answer;
 * a torn last line (a crash mid-write) is cut off. Thread-safe: every method is synchronized.
 */
public final class LabelSession implements AutoCloseable {
    /** The answer kinds the page may send. */
    public static final Set<String> ACTIONS = Set.of("label", "accept", "skip", "not_statement");

    private final List<QueueItem> queue;
    private final Map<String, QueueItem> byId = new HashMap<>();
    private final Path file;
    private final FileChannel channel;
    /** Answers in file order, and the byte offset where each line starts. */
    private final List<ObjectNode> answers = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();
    private final Map<String, ObjectNode> answered = new HashMap<>();

    private LabelSession(List<QueueItem> queue, Path file, FileChannel channel) {
        this.queue = queue;
        this.file = file;
        this.channel = channel;
        for (QueueItem q : queue) {
            byId.put(q.statement().id(), q);
        }
    }

    /** Opens (or creates) the answers file for {@code queue} and reads what it already holds. */
    public static LabelSession open(List<QueueItem> queue, Path answers) throws IOException {
        Path dir = answers.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(answers, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        LabelSession s = new LabelSession(queue, answers, ch);
        try {
            s.load();
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
        return s;
    }

    private void load() throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<RecordError> errors = new ArrayList<>();
        int start = 0;
        int line = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            line++;
            if (end == all.length) {
                // no newline: the write of this answer never finished, so it never counted
                channel.truncate(start);
                channel.force(true);
                break;
            }
            String text = new String(all, start, end - start, StandardCharsets.UTF_8);
            try {
                JsonNode node = QueueFile.JSON.readTree(text);
                String id = node.path("id").asText(null);
                if (id == null || !byId.containsKey(id)) {
                    throw new IllegalArgumentException("answer for '" + id + "', which is not in the queue");
                }
                if (answered.containsKey(id)) {
                    throw new IllegalArgumentException("second answer for '" + id + "'");
                }
                answers.add((ObjectNode) node);
                offsets.add((long) start);
                answered.put(id, (ObjectNode) node);
            } catch (IOException | IllegalArgumentException | ClassCastException e) {
                errors.add(new RecordError(file.toString(), line, e instanceof IOException ? "not valid JSON" : e.getMessage()));
            }
            start = end + 1;
        }
        if (!errors.isEmpty()) {
            throw new DataFormatException(errors);
        }
    }

    /** The first queue item without an answer, or null when all are done. */
    public synchronized QueueItem current() {
        for (QueueItem q : queue) {
            if (!answered.containsKey(q.statement().id())) {
                return q;
            }
        }
        return null;
    }

    /**
     * Records the answer for the current item.
     *
     * @param id must be the current item's id (a stale page cannot answer another item)
     * @param action one of {@link #ACTIONS}; {@code accept} takes the suggestion's labels
     * @param stance, openness the labels for {@code label}; ignored otherwise
     * @throws IllegalArgumentException when the answer does not fit (the page shows the message)
     */
    public synchronized void answer(String id, String action, String stance, String openness) throws IOException {
        QueueItem q = current();
        if (q == null) {
            throw new IllegalArgumentException("every item is answered already");
        }
        if (!q.statement().id().equals(id)) {
            throw new IllegalArgumentException("'" + id + "' is not the current item (that is '" + q.statement().id()
                    + "'); reload the page");
        }
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS);
        }
        String status = switch (action) {
            case "skip" -> "skipped";
            case "not_statement" -> "not_statement";
            default -> "labelled";
        };
        if (action.equals("accept")) {
            if (q.suggestion() == null) {
                throw new IllegalArgumentException("this item has no suggestion to accept");
            }
            stance = q.suggestion().get(Task.STANCE).label();
            openness = q.suggestion().get(Task.OPENNESS).label();
        }
        Statement s = q.statement();
        if (status.equals("labelled")) {
            if (stance == null || !Task.STANCE.isLabel(stance)) {
                throw new IllegalArgumentException("stance must be one of " + Task.STANCE.labels());
            }
            if (openness == null || !Task.OPENNESS.isLabel(openness)) {
                throw new IllegalArgumentException("openness must be one of " + Task.OPENNESS.labels());
            }
            s = new Statement(s.id(), s.text(), s.context(), s.speaker(), s.lang(), stance, openness, s.source(),
                    null, s.family());
        }
        ObjectNode rec = QueueFile.statementJson(s);
        rec.put("group", q.group());
        rec.put("status", status);
        if (q.suggestion() != null) {
            ObjectNode sug = rec.putObject("suggested");
            for (Task t : Task.values()) {
                sug.put(t.key(), q.suggestion().get(t).label());
            }
            rec.put("model", q.model());
            rec.put("accepted", status.equals("labelled") && stance.equals(q.suggestion().get(Task.STANCE).label())
                    && openness.equals(q.suggestion().get(Task.OPENNESS).label()));
        }
        rec.put("answered_at", Instant.now().toString());
        long offset = channel.size();
        ByteBuffer buf = ByteBuffer.wrap((QueueFile.JSON.writeValueAsString(rec) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.position(offset);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(true);
        answers.add(rec);
        offsets.add(offset);
        answered.put(id, rec);
    }

    /** Takes back the last answer (its line is cut from the file); false when there is none. */
    public synchronized boolean undo() throws IOException {
        if (answers.isEmpty()) {
            return false;
        }
        int last = answers.size() - 1;
        channel.truncate(offsets.get(last));
        channel.force(true);
        answered.remove(answers.get(last).get("id").asText());
        answers.remove(last);
        offsets.remove(last);
        return true;
    }

    /** Everything the page shows, as one JSON object (see the class comment of {@link LabelServer}). */
    public synchronized ObjectNode state() {
        ObjectNode o = QueueFile.JSON.createObjectNode();
        o.put("total", queue.size());
        o.put("done", answers.size());
        Map<String, Integer> status = new LinkedHashMap<>();
        for (String st : List.of("labelled", "skipped", "not_statement")) {
            status.put(st, 0);
        }
        Map<Task, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Task t : Task.values()) {
            Map<String, Integer> m = new LinkedHashMap<>();
            t.labels().forEach(l -> m.put(l, 0));
            counts.put(t, m);
        }
        int accepted = 0;
        for (ObjectNode a : answers) {
            status.merge(a.path("status").asText(), 1, Integer::sum);
            for (Task t : Task.values()) {
                if (a.hasNonNull(t.key())) {
                    counts.get(t).merge(a.get(t.key()).asText(), 1, Integer::sum);
                }
            }
            accepted += a.path("accepted").asBoolean(false) ? 1 : 0;
        }
        ObjectNode c = o.putObject("counts");
        for (Task t : Task.values()) {
            ObjectNode tn = c.putObject(t.key());
            counts.get(t).forEach(tn::put);
        }
        ObjectNode sn = o.putObject("status");
        status.forEach(sn::put);
        o.put("accepted", accepted);
        if (!answers.isEmpty()) {
            ObjectNode last = answers.get(answers.size() - 1);
            o.putObject("last").put("id", last.get("id").asText()).put("status", last.path("status").asText());
        }
        QueueItem q = current();
        if (q != null) {
            ObjectNode item = QueueFile.toJson(q);
            o.set("item", item);
        }
        return o;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
