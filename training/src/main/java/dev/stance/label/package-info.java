/**
 * The analyst's loop: choose the statements worth labelling ({@link dev.stance.label.Selector}), label them in a
 * local web app ({@link dev.stance.label.LabelServer}), and exchange the queue with Label Studio
 * ({@link dev.stance.label.LabelStudio}). Merging the answers into a corpus is {@link dev.stance.corpus.CorpusMerge}.
 */
package dev.stance.label;
