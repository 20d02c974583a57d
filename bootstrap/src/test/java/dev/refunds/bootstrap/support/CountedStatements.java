package dev.refunds.bootstrap.support;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Every statement a MariaDB connection sends, {@code COMMIT} included, with the thread that sent it: the driver
 * calls this for each one when the URL names it ({@link #on}). One JVM-wide list; a test clears it before it counts.
 */
public final class CountedStatements implements QueryInterceptor {
    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    public record Sent(String thread, String sql) {
    }

    /** The same database, each statement of its connections recorded here. */
    public static JdbcSettings on(JdbcSettings database) {
        String url = database.url();
        String separator = url.contains("?") ? "&" : "?";
        return new JdbcSettings(url + separator + "queryInterceptors=" + CountedStatements.class.getName(),
                database.user(), database.password());
    }

    public static void clear() {
        SENT.clear();
    }

    public static List<Sent> sent() {
        return List.copyOf(SENT);
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        SENT.add(new Sent(Thread.currentThread().getName(), String.valueOf(sql.get())));
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return result;
    }
}
