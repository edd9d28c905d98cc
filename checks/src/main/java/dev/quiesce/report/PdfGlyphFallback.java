package dev.quiesce.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Flying Saucer draws each run of text in one font, the first of the CSS {@code font-family} list it
 * has, with no fallback per character: a character that font lacks is silently left out of the PDF
 * (CJK in DejaVu Sans, Hebrew in DejaVu Sans Mono). Before layout, every run of characters that one
 * of the report's text fonts lacks is wrapped in a span naming the first embedded font that has them.
 */
final class PdfGlyphFallback {
    /** The CSS family of each font file this class knows. */
    private static final Map<String, String> FAMILIES = Map.of("DejaVuSans.ttf", "DejaVu Sans",
            "DejaVuSansMono.ttf", "DejaVu Sans Mono", "DroidSansFallbackFull.ttf", "Droid Sans Fallback");
    /** The fonts the stylesheet names first, for text and for code: what either lacks needs a stand-in. */
    private static final List<String> TEXT_FONTS = List.of("DejaVuSans.ttf", "DejaVuSansMono.ttf");
    /** The faces that may stand in, most preferred first. */
    private static final List<String> STAND_INS = List.of("DejaVuSans.ttf", "DroidSansFallbackFull.ttf");

    private record Face(String family, BaseFont font) {}

    private final List<Face> textFonts;
    private final List<Face> standIns;

    PdfGlyphFallback(List<Path> fonts) throws IOException, DocumentException {
        Map<String, Face> faces = new java.util.HashMap<>();
        for (Path font : fonts) {
            String file = font.getFileName().toString();
            if (FAMILIES.containsKey(file)) {
                faces.put(file, new Face(FAMILIES.get(file), BaseFont.createFont(font.toString(), BaseFont.IDENTITY_H,
                        BaseFont.EMBEDDED)));
            }
        }
        textFonts = TEXT_FONTS.stream().filter(faces::containsKey).map(faces::get).toList();
        standIns = STAND_INS.stream().filter(faces::containsKey).map(faces::get).toList();
    }

    /** Wraps the runs that need another font, in the document's body only. */
    void apply(Document document) {
        Node body = document.getElementsByTagName("body").item(0);
        if (body != null) {
            walk(body);
        }
    }

    private void walk(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE) {
                split(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                walk(child);
            }
            child = next;
        }
    }

    /** The family to draw {@code c} in when a text font lacks it; null when no change is needed or possible. */
    private String standIn(int c) {
        if (Character.isWhitespace(c) || textFonts.stream().allMatch(f -> f.font().charExists(c))) {
            return null;
        }
        return standIns.stream().filter(f -> f.font().charExists(c)).map(Face::family).findFirst().orElse(null);
    }

    private void split(Node text) {
        String value = text.getNodeValue();
        if (value.codePoints().allMatch(c -> standIn(c) == null)) {
            return;
        }
        Document document = text.getOwnerDocument();
        Node parent = text.getParentNode();
        StringBuilder run = new StringBuilder();
        String runFamily = null;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String family = standIn(c);
            if (!java.util.Objects.equals(family, runFamily) && !run.isEmpty()) {
                parent.insertBefore(node(document, parent, run.toString(), runFamily), text);
                run.setLength(0);
            }
            runFamily = family;
            run.appendCodePoint(c);
            i += Character.charCount(c);
        }
        parent.insertBefore(node(document, parent, run.toString(), runFamily), text);
        parent.removeChild(text);
    }

    private static Node node(Document document, Node parent, String text, String family) {
        if (family == null) {
            return document.createTextNode(text);
        }
        Element span = document.createElementNS(parent.getNamespaceURI(), "span");
        span.setAttribute("style", "font-family: '" + family + "'");
        span.appendChild(document.createTextNode(text));
        return span;
    }
}
