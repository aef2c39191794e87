package dev.stance.segment;

/** A sentence: character offsets [start, end) into the original text, and the text between them. */
public record Span(int start, int end, String text) {
}
