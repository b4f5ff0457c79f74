package org.atelier.server.text;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Delimited;
import org.commonmark.node.Node;
import org.commonmark.node.Nodes;
import org.commonmark.node.Text;
import org.commonmark.parser.delimiter.DelimiterProcessor;
import org.commonmark.parser.delimiter.DelimiterRun;

/**
 * {@code ~~struck~~}, rendered as {@code del}. Written here rather than pulling in
 * commonmark-ext-gfm-strikethrough for forty lines. Exactly two tildes on each side, as GitHub
 * writes it; a single {@code ~} stays a tilde ({@code ~50 cm} is common in artists' text).
 */
final class Strikethrough extends CustomNode implements Delimited {

    @Override
    public String getOpeningDelimiter() {
        return "~~";
    }

    @Override
    public String getClosingDelimiter() {
        return "~~";
    }

    /** The inline parser's hook for {@code ~~}; stateless, so one instance serves all parses. */
    static final class Processor implements DelimiterProcessor {
        @Override
        public char getOpeningCharacter() {
            return '~';
        }

        @Override
        public char getClosingCharacter() {
            return '~';
        }

        @Override
        public int getMinLength() {
            return 2;
        }

        @Override
        public int process(DelimiterRun opening, DelimiterRun closing) {
            if (opening.length() != 2 || closing.length() != 2) {
                return 0;
            }
            Text opener = opening.getOpener();
            Node struck = new Strikethrough();
            for (Node node : Nodes.between(opener, closing.getCloser())) {
                struck.appendChild(node);
            }
            opener.insertAfter(struck);
            return 2;
        }
    }
}
