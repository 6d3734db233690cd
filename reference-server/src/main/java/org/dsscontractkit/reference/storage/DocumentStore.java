package org.dsscontractkit.reference.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.server.Json;

import java.util.Optional;

/** Singleton JSON documents of the instance (global variables, general settings, plugin list, ...). */
public final class DocumentStore {
    private final Database db;

    public DocumentStore(Database db) { this.db = db; }

    public Optional<String> find(String name) {
        return db.queryOne("SELECT doc FROM instance_documents WHERE name = ?", rs -> rs.getString(1), name);
    }

    public ObjectNode getObject(String name, ObjectNode dflt) {
        return find(name).map(Json::parseObject).orElse(dflt);
    }

    public void put(String name, String doc) {
        db.inTransaction(c -> {
            if (Database.update(c, "UPDATE instance_documents SET doc = ? WHERE name = ?", doc, name) == 0) {
                Database.update(c, "INSERT INTO instance_documents (name, doc) VALUES (?, ?)", name, doc);
            }
            return null;
        });
    }
}
