package dev.quiesce.facts.script;

/**
 * A heredoc's body, read only once the line holding the {@code <<} ends: the parser fills it in then.
 * {@code word} is the body parsed for expansions (null when the delimiter was quoted: no expansion).
 */
public final class Heredoc {
    private String body = "";
    private Word word;
    private boolean closed;

    void fill(String text, Word expanded, boolean ended) {
        body = text;
        word = expanded;
        closed = ended;
    }

    public String body() {
        return body;
    }

    /** The body as a word to expand, or null when nothing in it is expanded. */
    public Word word() {
        return word;
    }

    /** Whether a line with the delimiter ended it (else the script's end did). */
    public boolean closed() {
        return closed;
    }
}
