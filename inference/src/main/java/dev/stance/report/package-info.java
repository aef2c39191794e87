/**
 * The {@code --report} HTML page: one self-contained file (inline CSS and SVG, no scripts or external resources)
 * with a legend for both axes, an overview of every speaker across the articles, and each article's text with its
 * statements marked by stance (highlight) and openness (underline style).
 */
package dev.stance.report;
