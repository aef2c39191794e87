package dev.stance.encoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds a HuggingFace {@code tokenizer.json} for BERT's WordPiece from its {@code vocab.txt}, so DJL's
 * HuggingFace tokenizer can run without the hub. The settings are those of Google's cased multilingual
 * model: no lower-casing and no accent stripping (Norwegian «ø», German «ü» stay distinct), Chinese
 * characters split, control characters cleaned, "##" continuation prefix, [CLS] A [SEP] B [SEP] pairs with
 * segment ids 0 and 1.
 */
public final class WordPieceTokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordPieceTokenizerJson() {
    }

    /** The tokenizer.json text for a vocabulary given one token per line (id = line number). */
    public static String build(List<String> vocab) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
            int id = vocab.indexOf(special);
            if (id < 0) {
                throw new IllegalArgumentException("vocabulary lacks " + special);
            }
            ObjectNode t = added.addObject();
            t.put("id", id);
            t.put("content", special);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", true);
        normalizer.put("handle_chinese_chars", true);
        normalizer.put("strip_accents", false);
        normalizer.put("lowercase", false);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");

        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, "[CLS]", 0);
        sequence(single, "A", 0);
        special(single, "[SEP]", 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, "[CLS]", 0);
        sequence(pair, "A", 0);
        special(pair, "[SEP]", 0);
        sequence(pair, "B", 1);
        special(pair, "[SEP]", 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String s : List.of("[CLS]", "[SEP]")) {
            ObjectNode o = specials.putObject(s);
            o.put("id", s);
            o.putArray("ids").add(vocab.indexOf(s));
            o.putArray("tokens").add(s);
        }
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "WordPiece");
        decoder.put("prefix", "##");
        decoder.put("cleanup", true);

        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece");
        model.put("unk_token", "[UNK]");
        model.put("continuing_subword_prefix", "##");
        model.put("max_input_chars_per_word", 100);
        ObjectNode v = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            v.put(vocab.get(i), i);
        }
        return root.toString();
    }

    private static void special(ArrayNode a, String id, int type) {
        ObjectNode o = a.addObject().putObject("SpecialToken");
        o.put("id", id);
        o.put("type_id", type);
    }

    private static void sequence(ArrayNode a, String id, int type) {
        ObjectNode o = a.addObject().putObject("Sequence");
        o.put("id", id);
        o.put("type_id", type);
    }
}
