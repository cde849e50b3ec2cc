# ops/lib/rootfs.sh — sourced by the image builds that assemble a FROM-scratch root filesystem
# (ops/agent-stub/build.sh, ops/deploy/build-worker-image.sh). No registry here: images are a tar.

# rootfs_accounts ROOTFS UID GID GECOS HOME: /etc/passwd and /etc/group with root, hermes and nobody.
rootfs_accounts() {
    local rootfs="$1" uid="$2" gid="$3" gecos="$4" home="$5"
    printf '%s\n' "root:x:0:0:root:/root:/bin/sh" \
        "hermes:x:${uid}:${gid}:${gecos}:${home}:/bin/sh" \
        "nobody:x:65534:65534:nobody:/nonexistent:/bin/false" > "$rootfs/etc/passwd"
    printf '%s\n' "root:x:0:" "hermes:x:${gid}:" "nogroup:x:65534:" > "$rootfs/etc/group"
    chmod 644 "$rootfs/etc/passwd" "$rootfs/etc/group"
}

# rootfs_tar ROOTFS OUT UID GID DIR: one reproducible tar, owned by root except DIR (./opt/data, say),
# owned by UID:GID, so a build that does not run as root still gives the right owners. ADD extracts it
# preserving owners and modes.
rootfs_tar() {
    local rootfs="$1" out="$2" uid="$3" gid="$4" dir="$5"
    local opts=(--numeric-owner --sort=name --mtime=@0 --format=gnu)
    tar -C "$rootfs" "${opts[@]}" --owner=0 --group=0 --exclude="$dir" -cf "$out" .
    tar -C "$rootfs" "${opts[@]}" --owner="$uid" --group="$gid" -rf "$out" "$dir"
}
