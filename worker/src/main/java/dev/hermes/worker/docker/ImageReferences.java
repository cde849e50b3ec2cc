package dev.hermes.worker.docker;

/** Image references as Docker reads them ({@code [registry[:port]/]name[:tag][@digest]}). */
public final class ImageReferences {
    private ImageReferences() {}

    /**
     * The reference with tag {@code latest} when it names neither a tag nor a digest: a pull of a bare name would
     * fetch every tag of the repository.
     */
    public static String withTag(String reference) {
        if (reference.contains("@")) {
            return reference;
        }
        int lastSlash = reference.lastIndexOf('/');
        return reference.indexOf(':', lastSlash + 1) >= 0 ? reference : reference + ":latest";
    }
}
