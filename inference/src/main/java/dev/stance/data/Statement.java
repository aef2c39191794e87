package dev.stance.data;

/**
 * One statement record of the JSON Lines data format shared by training and evaluation.
 *
 * <p>Optional fields are {@code null} when absent. A record without a label for a task is left out of that
 * task only.
 *
 * @param id unique id within the data set
 * @param text the statement sentence, attribution included
 * @param context the sentence before the statement, or null
 * @param speaker who made the statement, or null
 * @param lang ISO 639-1 code (nb, nn, en, de, ...), or null when it should be detected
 * @param stance stance label, or null
 * @param openness openness label, or null
 * @param source how the record was made ("written", or a URL)
 * @param split train, dev or test, or null
 * @param family paraphrase family (records that are variants of each other share it and one split), or null
 */
public record Statement(String id, String text, String context, String speaker, String lang,
                        String stance, String openness, String source, String split, String family) {

    /** The gold label of a task, or null when the record is unlabelled for it. */
    public String label(Task task) {
        return task == Task.STANCE ? stance : openness;
    }

    /** A copy with {@code lang} replaced (used after language detection). */
    public Statement withLang(String newLang) {
        return new Statement(id, text, context, speaker, newLang, stance, openness, source, split, family);
    }
}
