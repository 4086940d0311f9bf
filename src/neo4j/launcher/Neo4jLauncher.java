import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs an embedded Neo4j Community DBMS with a Bolt connector on 127.0.0.1 for csto-graph.
 *
 * <p>Started by src/neo4j/managed-neo4j.ts, compiled, as {@code java Neo4jLauncher --home <dir> [--port 7687]
 * [--page-cache 256m]} with the Neo4j jars in CLASSPATH (it also runs as a source file: {@code java -cp <jars>
 * Neo4jLauncher.java ...}). The heap is set with the JVM's own -Xmx; port 0 picks a free port. The password of user
 * {@code neo4j} is env NEO4J_PASSWORD, else the one kept in {@code <home>/password}, else a new random one
 * saved there (mode 0600).
 *
 * <p>Protocol on stdout, one line each: {@code NEO4J_READY bolt://127.0.0.1:<port>} once Bolt accepts
 * logins, {@code NEO4J_LOG <text>} for progress worth showing, {@code NEO4J_ERROR <message>} before exiting
 * with status 1 if the DBMS cannot start, and {@code NEO4J_STOPPED} after a clean shutdown. Neo4j's own logs
 * go to {@code <home>/logs}.
 *
 * <p>The DBMS shuts down cleanly when stdin reaches EOF, when the parent process dies or changes, or on
 * SIGTERM/SIGINT, so a crashed parent never leaves an orphaned database holding the store lock.
 *
 * <p>In the local Docker image (docker/neo4j-local) it runs as the container's main process with
 * {@code --address 0.0.0.0 --standalone true}: Bolt on every interface of the container, no stdin or parent
 * watch, and a {@code Started.} line after {@code NEO4J_READY}, as the official image logs.
 */
public final class Neo4jLauncher {
    private static final String USER = "neo4j";
    private static final String PASSWORD_FILE = "password";
    private static final String PID_FILE = "launcher.pid";
    /** How long a shutdown request waits for a DBMS that is still starting, so it can be closed cleanly. */
    private static final Duration STARTUP_WAIT_ON_SHUTDOWN = Duration.ofSeconds(120);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    /** Plans kept per database and per plan cache (Neo4j's default is 1,000). */
    private static final int QUERY_CACHE_ENTRIES = 250;
    /** Segments of one size that Lucene merges into one, for the full-text index (Neo4j's default is 2, Lucene's 10). */
    private static final int LUCENE_MERGE_FACTOR = 10;

    private static final CountDownLatch startupFinished = new CountDownLatch(1);
    private static volatile DatabaseManagementService dbms;
    private static volatile Path pidFile;

    private Neo4jLauncher() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        Path home;
        int port;
        long pageCache;
        String address;
        boolean standalone;
        try {
            options = parseOptions(args);
            if (!options.containsKey("home")) {
                throw new IllegalArgumentException("missing --home <dir>");
            }
            home = Path.of(options.get("home")).toAbsolutePath().normalize();
            port = Integer.parseInt(options.getOrDefault("port", "7687"));
            pageCache = ByteUnit.parse(options.getOrDefault("page-cache", "256m"));
            address = options.getOrDefault("address", "127.0.0.1");
            standalone = Boolean.parseBoolean(options.getOrDefault("standalone", "false"));
        } catch (RuntimeException e) {
            fail("Invalid arguments: " + e.getMessage() + ". Usage: Neo4jLauncher --home <dir> [--port <n>]"
                    + " [--page-cache <size>] [--address <ip>] [--standalone true]");
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLauncher::shutdown, "neo4j-launcher-shutdown"));
        // A container's main process has no parent to watch and no stdin; docker stop sends SIGTERM instead.
        if (!standalone) {
            startStdinWatcher();
            startParentWatcher();
        }

        String uri;
        try {
            Files.createDirectories(home);
            awaitOtherLauncher(home);
            String password = resolvePassword(home);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(address, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // The API's planner writes large queries, and every selection shape is a query text of its own: 1,000
                    // cached plans of each of Neo4j's plan caches filled the 512 MB heap (10,000 fuzzed queries: full GCs
                    // of 1.2 s every 1.5 s, 48 requests past their deadline). 250 keep every shape a client repeats.
                    .setConfig(GraphDatabaseSettings.query_cache_size, QUERY_CACHE_ENTRIES)
                    // The cache of execution plans (their generated code) follows the deprecated setting, not the one above.
                    .setConfig(GraphDatabaseInternalSettings.query_execution_plan_cache_size, QUERY_CACHE_ENTRIES)
                    // Neo4j merges the full-text index's Lucene segments two at a time (an internal merge factor of 2),
                    // so the small segment of every commit was copied into bigger ones again and again: loading 1,000
                    // files, one commit each, Lucene's merge thread took 14 % of Neo4j's sampled CPU. Lucene's own
                    // default, 10, copies each document about a third as often; searches read a few more segments.
                    .setConfig(LuceneSettings.lucene_merge_factor, LUCENE_MERGE_FACTOR)
                    // Bolt's Netty event loops otherwise idle 5 s each (twice) before letting the JVM exit.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            setPassword(password);
            uri = "bolt://" + address + ":" + boltPort();
            pidFile = home.resolve(PID_FILE);
            Files.writeString(pidFile, ProcessHandle.current().pid() + " "
                    + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) + " " + uri + "\n");
        } catch (Throwable e) {
            startupFinished.countDown();
            fail(describeStartupFailure(e, home, address, port));
            return;
        }
        startupFinished.countDown();
        System.out.println("NEO4J_READY " + uri);
        if (standalone) {
            // The official image's last start-up line, which Testcontainers' Neo4j module waits for.
            System.out.println("Started.");
        }
        System.out.flush();
        // Neo4j's own threads keep the JVM alive; park main until a watcher or signal ends the process.
        Thread.currentThread().join();
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Env NEO4J_PASSWORD wins; otherwise the saved password, created on first start. */
    private static String resolvePassword(Path home) throws IOException {
        String fromEnv = System.getenv("NEO4J_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Path file = home.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!saved.isEmpty()) {
                return saved;
            }
            Files.delete(file);
        }
        String generated = randomPassword();
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        return generated;
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** Applied on every start so the password file or env var stays the single source of truth. */
    private static void setPassword(String password) {
        // ALTER USER took 2.7-2.9 s of every warm start here, even after another query had run; a login takes milliseconds.
        if (passwordIsCurrent(password)) {
            return;
        }
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to its current value; that is the usual case after the first start.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw new IllegalArgumentException("Neo4j refused the password of user " + USER + ": " + e.getMessage(), e);
            }
        }
    }

    /** True when {@code password} already logs {@code neo4j} in, as Bolt would check it, without a change required. */
    private static boolean passwordIsCurrent(String password) {
        AuthManager auth = ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                .getDependencyResolver()
                .resolveDependency(AuthManager.class);
        try {
            return auth.login(AuthToken.newBasicAuthToken(USER, password), ClientConnectionInfo.EMBEDDED_CONNECTION)
                            .subject()
                            .getAuthenticationResult()
                    == AuthenticationResult.SUCCESS;
        } catch (InvalidAuthTokenException e) {
            return false;
        }
    }

    /** The bound port, which differs from the configured one when port 0 asked for any free port. */
    private static int boltPort() {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
    }

    /**
     * Neo4j's store lock dies with its process, so only a live launcher on the same home matters. One whose
     * parent has gone is already shutting itself down (see the watchers), so wait for it instead of failing.
     */
    private static void awaitOtherLauncher(Path home) throws IOException, InterruptedException {
        Path file = home.resolve(PID_FILE);
        if (!Files.exists(file)) {
            return;
        }
        long pid;
        long parentPid;
        String uri;
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            pid = Long.parseLong(fields[0]);
            parentPid = Long.parseLong(fields[1]);
            uri = fields[2];
        } catch (RuntimeException e) {
            return;
        }
        // In a restarted container the stale file may name this very process (pid 1).
        Optional<ProcessHandle> other = ProcessHandle.of(pid).filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.isAlive() && p.info().commandLine()
                .map(cmd -> cmd.contains("Neo4jLauncher") && cmd.contains(home.toString()))
                .orElse(false));
        if (other.isEmpty()) {
            return;
        }
        boolean orphaned = other.get().parent().map(ProcessHandle::pid).orElse(-1L) != parentPid;
        if (!orphaned) {
            // A password given in NEO4J_PASSWORD is not the saved one: the file only holds the generated password.
            throw new IllegalStateException("Another managed Neo4j (pid " + pid + ") is already running on " + home
                    + " at " + uri + ". Stop it, use another data directory, or connect to it with NEO4J_URI=" + uri
                    + " and the NEO4J_PASSWORD it was started with (if it was given none, NEO4J_PASSWORD=\"$(cat "
                    + home.resolve(PASSWORD_FILE) + ")\").");
        }
        System.out.println("NEO4J_LOG Waiting for the previous Neo4j on this data directory (pid " + pid
                + "), whose parent has exited, to shut down...");
        System.out.flush();
        try {
            other.get().onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The previous managed Neo4j (pid " + pid + ") on " + home
                    + " did not shut down within " + ORPHAN_SHUTDOWN_WAIT.toSeconds() + " s; stop it first.");
        }
    }

    private static String describeStartupFailure(Throwable e, Path home, String address, int port) {
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof IllegalStateException && message.contains("managed Neo4j (pid")
                    || t instanceof IllegalArgumentException && message.startsWith("Neo4j refused the password")) {
                return message;
            }
            if (message.contains("already in use") || t instanceof BindException) {
                return "Port " + port + " on " + address + " is already in use; choose another Bolt port (NEO4J_BOLT_PORT).";
            }
            if (message.contains("Lock file has been locked") || message.contains("store_lock")) {
                return "The data directory " + home + " is locked by another Neo4j process; stop it first, "
                        + "or use another data directory.";
            }
            if (causes.indexOf(message) < 0) {
                causes.append(causes.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                        .append(message);
            }
        }
        // A data folder Neo4j cannot write to has no log to point at.
        Path log = home.resolve("logs").resolve("debug.log");
        return "Neo4j failed to start: " + causes.toString().replace('\n', ' ')
                + (Files.exists(log) ? " (details in " + log + ")" : " (Neo4j wrote no log under " + home + ": can it write there?)");
    }

    private static void fail(String message) {
        System.out.println("NEO4J_ERROR " + message);
        System.out.flush();
        System.exit(1);
    }

    /** EOF on stdin means the parent closed the pipe or died, so nobody needs this database any more. */
    private static void startStdinWatcher() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) != -1) {
                    // Input is ignored; only the end of the stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe is as good as EOF.
            }
            System.exit(0);
        }, "neo4j-launcher-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Catches a parent that died while something else still holds our stdin open (it gets re-parented). */
    private static void startParentWatcher() {
        long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Optional<ProcessHandle> parent = ProcessHandle.current().parent();
                if (parent.isEmpty() || parent.get().pid() != parentPid || !parent.get().isAlive()) {
                    System.exit(0);
                }
            }
        }, "neo4j-launcher-parent");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void shutdown() {
        try {
            startupFinished.await(STARTUP_WAIT_ON_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            // Shut down whatever exists.
        }
        DatabaseManagementService service = dbms;
        if (service == null) {
            return;
        }
        try {
            service.shutdown();
            System.out.println("NEO4J_STOPPED");
        } catch (RuntimeException e) {
            System.out.println("NEO4J_ERROR Neo4j did not shut down cleanly: " + e.getMessage());
        } finally {
            System.out.flush();
            Path file = pidFile;
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A stale pid file is detected and ignored on the next start.
                }
            }
        }
    }
}
