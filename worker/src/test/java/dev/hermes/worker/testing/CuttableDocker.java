package dev.hermes.worker.testing;

import dev.hermes.worker.docker.Docker;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real Docker client, which a test can cut off as if dockerd were down: {@link #cut()} ends the open event streams
 * and makes every call fail the way docker-java's transport fails on a refused connection (a RuntimeException around
 * a {@link ConnectException}), until {@link #restore()}. The containers keep running, as under live-restore (and it
 * says so: {@code liveRestore()} is true). A proxy,
 * so it covers every method of {@link Docker}, present and future.
 */
public final class CuttableDocker implements InvocationHandler {
    private final Docker real;
    private final List<Docker.EventStream> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private CuttableDocker(Docker real) {
        this.real = real;
    }

    /** The wrapped client and its switch. */
    public record Wrapped(Docker docker, CuttableDocker control) {}

    public static Wrapped wrap(Docker real) {
        CuttableDocker control = new CuttableDocker(real);
        Docker docker =
                (Docker) Proxy.newProxyInstance(Docker.class.getClassLoader(), new Class<?>[] {Docker.class}, control);
        return new Wrapped(docker, control);
    }

    public void cut() {
        cut = true;
        open.forEach(Docker.EventStream::close);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        if (method.getName().equals("liveRestore")) {
            return true; // its containers keep running while it is cut off
        }
        if (cut && !method.getName().equals("close")) {
            throw new RuntimeException(new ConnectException("Connection refused (Docker cut off by the test)"));
        }
        Object result;
        try {
            result = method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Docker.EventStream stream) {
            open.add(stream);
        }
        return result;
    }
}
