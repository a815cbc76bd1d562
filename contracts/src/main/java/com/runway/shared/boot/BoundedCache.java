package com.runway.shared.boot;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An in-memory cache of at most {@code capacity} entries that forgets the least recently used one
 * first. Axon's {@code WeakReferenceCache} lets every garbage collection empty it (under load that
 * is several times a second, so most look-ups missed and aggregates were read back from their events:
 * a quarter of the saga thread's time in the profile); this one keeps what it holds until it is full.
 */
public final class BoundedCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                }
                return full;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = (T) entries.get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = (V) entries.get(key);
        if (value != null) {
            put(key, update.apply(value));
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
