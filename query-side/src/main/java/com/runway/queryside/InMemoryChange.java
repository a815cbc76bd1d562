package com.runway.queryside;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNumber;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One read-model update applied to a document in memory as MongoDB applies it, for the shapes the
 * projections write: a filter on {@code _id} (alone or with {@code $lt} guards on other top-level
 * fields, as a document or a {@code $and}), and {@code $set}, {@code $setOnInsert}, {@code $inc}
 * and {@code $addToSet} (with or without {@code $each}) of top-level fields, upserting or not.
 * Anything else is not understood ({@link #of} is empty) and must go to MongoDB.
 */
record InMemoryChange(BsonValue id, Map<String, BsonValue> below, BsonDocument update, boolean upsert) {

    private static final Set<String> OPERATORS = Set.of("$set", "$setOnInsert", "$inc", "$addToSet");

    static Optional<InMemoryChange> of(BsonDocument filter, BsonDocument update, boolean upsert) {
        Map<String, BsonValue> conditions = new LinkedHashMap<>();
        if (filter.size() == 1 && filter.containsKey("$and")) {
            if (!filter.get("$and").isArray()) {
                return Optional.empty();
            }
            for (BsonValue condition : filter.getArray("$and")) {
                if (!condition.isDocument() || condition.asDocument().size() != 1) {
                    return Optional.empty();
                }
                String field = condition.asDocument().getFirstKey();
                if (conditions.put(field, condition.asDocument().get(field)) != null) {
                    return Optional.empty();
                }
            }
        } else {
            filter.forEach(conditions::put);
        }
        BsonValue id = conditions.remove("_id");
        if (id == null || id.isDocument() || id.isArray()) {
            return Optional.empty();
        }
        Map<String, BsonValue> below = new LinkedHashMap<>();
        for (Map.Entry<String, BsonValue> condition : conditions.entrySet()) {
            BsonValue guard = condition.getValue();
            if (!plainField(condition.getKey()) || !guard.isDocument() || guard.asDocument().size() != 1
                    || !guard.asDocument().containsKey("$lt") || !guard.asDocument().get("$lt").isNumber()) {
                return Optional.empty();
            }
            below.put(condition.getKey(), guard.asDocument().get("$lt"));
        }
        if (upsert && !below.isEmpty()) {
            return Optional.empty();
        }
        Set<String> fields = new HashSet<>();
        for (Map.Entry<String, BsonValue> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey()) || !operator.getValue().isDocument()) {
                return Optional.empty();
            }
            for (Map.Entry<String, BsonValue> field : operator.getValue().asDocument().entrySet()) {
                if (!plainField(field.getKey()) || field.getKey().equals("_id") || !fields.add(field.getKey())) {
                    return Optional.empty();
                }
                if (operator.getKey().equals("$inc") && !field.getValue().isNumber()) {
                    return Optional.empty();
                }
                if (operator.getKey().equals("$addToSet") && field.getValue().isDocument() && field.getValue().asDocument().containsKey("$each")
                        && (field.getValue().asDocument().size() != 1 || !field.getValue().asDocument().get("$each").isArray())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new InMemoryChange(id, below, update, upsert));
    }

    private static boolean plainField(String name) {
        return !name.isEmpty() && !name.startsWith("$") && name.indexOf('.') < 0;
    }

    /** The document an upsert creates when there is none; empty when the change only updates. */
    Optional<BsonDocument> upserted() {
        if (!upsert) {
            return Optional.empty();
        }
        BsonDocument created = new BsonDocument("_id", id);
        return Optional.of(change(created, true));
    }

    /**
     * {@code document} as this change leaves it: unchanged if a guard does not hold. Throws if the
     * document holds what MongoDB would refuse to change ({@code $inc} of a non-number, {@code $addToSet}
     * to a non-array), which the projections never write.
     */
    BsonDocument applyTo(BsonDocument document) {
        for (Map.Entry<String, BsonValue> guard : below.entrySet()) {
            BsonValue value = document.get(guard.getKey());
            if (value == null || !value.isNumber() || compare(value.asNumber(), guard.getValue().asNumber()) >= 0) {
                return document;
            }
        }
        return change(document, false);
    }

    /** Checked before anything is changed, so that a refused change leaves the document as it was. */
    private void checkApplicable(BsonDocument document) {
        for (Map.Entry<String, BsonValue> operator : update.entrySet()) {
            for (String field : operator.getValue().asDocument().keySet()) {
                BsonValue current = document.get(field);
                if (current != null && operator.getKey().equals("$inc") && !current.isNumber()) {
                    throw new IllegalStateException("$inc of " + field + ", which is not a number");
                }
                if (current != null && operator.getKey().equals("$addToSet") && !current.isArray()) {
                    throw new IllegalStateException("$addToSet to " + field + ", which is not an array");
                }
            }
        }
    }

    private BsonDocument change(BsonDocument document, boolean inserting) {
        checkApplicable(document);
        for (Map.Entry<String, BsonValue> operator : update.entrySet()) {
            BsonDocument fields = operator.getValue().asDocument();
            switch (operator.getKey()) {
                case "$setOnInsert" -> {
                    if (inserting) {
                        fields.forEach((field, value) -> document.put(field, copy(value)));
                    }
                }
                case "$set" -> fields.forEach((field, value) -> document.put(field, copy(value)));
                case "$inc" -> fields.forEach((field, delta) -> document.put(field, add(document.get(field), delta.asNumber())));
                case "$addToSet" -> fields.forEach((field, value) -> addToSet(document, field,
                        value.isDocument() && value.asDocument().containsKey("$each")
                                ? value.asDocument().getArray("$each").getValues() : List.of(value)));
                default -> throw new IllegalStateException("not understood: " + operator.getKey());
            }
        }
        return document;
    }

    private static BsonNumber add(BsonValue current, BsonNumber delta) {
        if (current == null) {
            return delta;
        }
        BsonNumber number = current.asNumber();
        if (number.isDouble() || delta.isDouble()) {
            return new BsonDouble(number.doubleValue() + delta.doubleValue());
        }
        if (number.isInt32() && delta.isInt32()) {
            long sum = (long) number.intValue() + delta.intValue();
            return sum == (int) sum ? new BsonInt32((int) sum) : new BsonInt64(sum);
        }
        return new BsonInt64(Math.addExact(number.longValue(), delta.longValue()));
    }

    /**
     * Adds to the set {@code field} of {@code document} each of {@code members} it does not hold yet, as
     * {@code $addToSet} does; throws, changing nothing, if the field holds something other than an array.
     */
    static void addToSet(BsonDocument document, String field, List<BsonValue> members) {
        BsonValue existing = document.get(field);
        if (existing != null && !existing.isArray()) {
            throw new IllegalStateException("$addToSet to " + field + ", which is not an array");
        }
        BsonArray set = existing == null ? new BsonArray() : existing.asArray();
        for (BsonValue member : members) {
            if (!holds(set, member)) {
                set.add(copy(member));
            }
        }
        document.put(field, set);
    }

    /** Encoded documents are the same document when their bytes are (a decoded comparison would decode them each time). */
    private static boolean holds(BsonArray set, BsonValue member) {
        for (BsonValue value : set) {
            boolean same = value instanceof RawBsonDocument raw && member instanceof RawBsonDocument encoded
                    ? raw.getByteBuffer().asNIO().equals(encoded.getByteBuffer().asNIO())
                    : value.equals(member);
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** A value the document can own: documents and arrays are cloned, an encoded document is immutable and kept. */
    private static BsonValue copy(BsonValue value) {
        if (value instanceof RawBsonDocument) {
            return value;
        }
        if (value.isDocument()) {
            return value.asDocument().clone();
        }
        return value.isArray() ? value.asArray().clone() : value;
    }

    private static int compare(BsonNumber a, BsonNumber b) {
        if (a.isDouble() || b.isDouble()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return Long.compare(a.longValue(), b.longValue());
    }
}
