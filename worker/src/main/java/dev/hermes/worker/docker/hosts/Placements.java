package dev.hermes.worker.docker.hosts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which host each family and each container lives on, as learnt from what the engines hold (a family's container or
 * volume there) and from the creates made here. A family is named by its container name ({@code hermes-user-<hex>});
 * its volume is that name plus {@value #VOLUME_SUFFIX}. Each family has one owning worker, so one writer.
 */
final class Placements {
    static final String VOLUME_SUFFIX = "-data";
    private final Map<String, String> hostOfFamily = new ConcurrentHashMap<>();
    private final Map<String, String> hostOfId = new ConcurrentHashMap<>();

    /** The family a container name, container id or volume name belongs to (ids stand for themselves). */
    static String family(String ref) {
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        return name.endsWith(VOLUME_SUFFIX) ? name.substring(0, name.length() - VOLUME_SUFFIX.length()) : name;
    }

    /** The host of the container id or name, or of the family's volume; empty when not learnt. */
    Optional<String> hostOf(String ref) {
        String id = hostOfId.get(ref);
        return Optional.ofNullable(id != null ? id : hostOfFamily.get(family(ref)));
    }

    /**
     * Records that the family {@code ref} names lives on {@code host}: a volume or container found or made there. The
     * first placement stays (sticky); returns the host the family is on now.
     */
    String place(String ref, String host) {
        String was = hostOfFamily.putIfAbsent(family(ref), host);
        return was == null ? host : was;
    }

    /**
     * Puts the family on {@code host} whatever it was placed on before: a move finished, or the engines were listed
     * again for a gained partition.
     */
    void set(String ref, String host) {
        hostOfFamily.put(family(ref), host);
    }

    /** Forgets where a container id was (it was removed). */
    void forgetContainer(String id) {
        hostOfId.remove(id);
    }

    /** The families placed now. */
    java.util.Set<String> families() {
        return java.util.Set.copyOf(hostOfFamily.keySet());
    }

    /** Records a container id (and its family by name, if given) on {@code host}. */
    void container(String id, String name, String host) {
        if (id != null) {
            hostOfId.put(id, host);
        }
        if (name != null) {
            place(name, host);
        }
    }

    /** Forgets a family's placement once it has neither a container nor a volume anywhere. */
    void forget(String ref) {
        hostOfFamily.remove(family(ref));
        hostOfId.remove(ref);
    }

    int families(String host) {
        return (int) hostOfFamily.values().stream().filter(host::equals).count();
    }
}
