package com.runway.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The keys of a unique index. H2 can only compare a {@link KeyValue} by Java-serializing both sides,
 * which the profiler found under every insert (half of the server's thread in a replay). A key made
 * of strings alone, like every read model's {@code _id}, is stored and compared as its strings here;
 * any other key is stored and compared as before. The two kinds never equal each other, so a key's
 * uniqueness means what it meant; only the order of keys within the index changes.
 */
final class KeyValueType extends BasicDataType<Object> {

    private static final byte STRINGS = 0;
    private static final byte OTHER = 1;
    private final ObjectDataType other = new ObjectDataType();

    @Override
    public int compare(Object a, Object b) {
        boolean aStrings = strings(a);
        boolean bStrings = strings(b);
        if (aStrings && bStrings) {
            KeyValue x = (KeyValue) a;
            KeyValue y = (KeyValue) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = ((String) x.get(i)).compareTo((String) y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (aStrings != bStrings) {
            return aStrings ? -1 : 1;
        }
        return other.compare(a, b);
    }

    private static boolean strings(Object key) {
        if (!(key instanceof KeyValue keyValue)) {
            return false;
        }
        for (Object value : keyValue) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!strings(key)) {
            buffer.put(OTHER);
            other.write(buffer, key);
            return;
        }
        KeyValue keyValue = (KeyValue) key;
        buffer.put(STRINGS).putVarInt(keyValue.size());
        for (Object value : keyValue) {
            String string = (String) value;
            buffer.putVarInt(string.length()).putStringData(string, string.length());
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get() == OTHER) {
            return other.read(buffer);
        }
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = DataUtils.readString(buffer);
        }
        return new KeyValue(values);
    }

    @Override
    public int getMemory(Object key) {
        if (!strings(key)) {
            return other.getMemory(key);
        }
        int size = 48;
        for (Object value : (KeyValue) key) {
            size += 40 + 2 * ((String) value).length();
        }
        return size;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
