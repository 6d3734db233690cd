package org.dsscontractkit.spec.release;

import java.util.List;
import java.util.Locale;

/**
 * What happened to one operation between two versions of a document, as the changelog lists it.
 *
 * @param kind        added, removed, changed (breaking or not), or deprecated in this version
 * @param tag         the operation's first tag (its section in the docs), or null
 * @param summary     the operation's summary, or null
 * @param notes       non-breaking changes, in words ("optional parameter query limit added")
 * @param breaking    the changes that can break a client
 * @param docsOnly    true when only descriptions, summaries, examples or extensions changed
 */
public record OperationChange(Kind kind, String operationId, String method, String path, String tag, String summary,
                              List<String> notes, List<BreakingChange> breaking, boolean docsOnly) {

    public enum Kind { ADDED, REMOVED, CHANGED, DEPRECATED }

    public OperationChange {
        notes = List.copyOf(notes);
        breaking = List.copyOf(breaking);
    }

    public String route() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
