package io.llmadmin.services.vault.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The master keys the vault knows, immutable: the current one encrypts; every one (current first) may decrypt the rows
 * that name it.
 */
public final class MasterKeyring {

    private final MasterKey current;
    private final Map<String, MasterKey> byId;

    private MasterKeyring(MasterKey current, Collection<MasterKey> older) {
        this.current = Objects.requireNonNull(current, "current");
        Map<String, MasterKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        older.forEach(key -> keys.putIfAbsent(key.id(), key));
        this.byId = keys;
    }

    public static MasterKeyring of(MasterKey current, Collection<MasterKey> older) {
        return new MasterKeyring(current, older);
    }

    public static MasterKeyring of(MasterKey current) {
        return new MasterKeyring(current, List.of());
    }

    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key, the current one first. */
    public List<MasterKey> all() {
        return List.copyOf(byId.values());
    }

    /** A ring with a new current key; the old current key and every other key stay for decryption. */
    MasterKeyring withCurrent(MasterKey next) {
        List<MasterKey> older = new ArrayList<>(byId.values());
        return new MasterKeyring(next, older);
    }

    /** The current key plus those of the given ids; the others are forgotten. */
    MasterKeyring retaining(Set<String> ids) {
        return new MasterKeyring(
                current,
                byId.values().stream().filter(key -> ids.contains(key.id())).toList());
    }

    @Override
    public String toString() {
        return "MasterKeyring[current=" + current.id() + ", keys=" + byId.keySet() + "]";
    }
}
