package dev.e911.reliability.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Not a test: the plain-JDBC reproduction of the crash test's phantoms, with no e911 code. A child
 * JVM commits rows to an H2 file (URL with {@code ;WRITE_DELAY=0}) in the store's pattern (counter
 * update, one row, two queue rows; then delete the queue rows) and prints each id once
 * {@code commit()} has returned; the parent kills it with {@code destroyForcibly()} at a random
 * moment, waits for it, starts the next, and finally reports acknowledged ids missing from the file
 * and the last acknowledged id of their run. Run from e911-reliability with the test class path:
 * {@code java -cp target/test-classes:<h2 jar> dev.e911.reliability.crash.H2KillProbe 120 11}
 * (kills, seed). With H2 2.5.252 it found 9 of ~11,200 and 4 of ~9,700 acknowledged commits missing.
 */
final class H2KillProbe {

  private H2KillProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("child")) {
      child(args[1], args[2]);
      return;
    }
    int kills = Integer.parseInt(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    String url = "jdbc:h2:file:" + Files.createTempDirectory("h2-kill-probe").resolve("db") + ";WRITE_DELAY=0";
    Set<String> acked = new HashSet<>();
    Map<String, String> lastAcked = new TreeMap<>();
    for (int i = 0; i < kills; i++) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          H2KillProbe.class.getName(), "child", url, "c" + i).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the child was killed mid-line: what was read is what was acknowledged
        }
      });
      reader.start();
      Thread.sleep(200 + random.nextInt(2300));
      p.destroyForcibly();
      p.waitFor();
      reader.join();
      for (String line : lines) {
        if (line.startsWith("OK ")) {
          acked.add(line.substring(3));
          lastAcked.put("c" + i, line.substring(3));
        }
      }
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM t")) {
      Set<String> stored = new HashSet<>();
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
      List<String> lost = acked.stream().filter(id -> !stored.contains(id)).sorted().toList();
      lost.forEach(id -> System.out.println(id + " lost; last acknowledged of its run: "
          + lastAcked.get(id.substring(0, id.indexOf('-')))));
      System.out.println("acknowledged=" + acked.size() + " stored=" + stored.size() + " lost=" + lost.size());
    }
  }

  private static void child(String url, String run) throws SQLException, InterruptedException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS t (id VARCHAR(64) PRIMARY KEY, pad VARCHAR(2000))");
      s.execute("CREATE TABLE IF NOT EXISTS q (id VARCHAR(64) PRIMARY KEY, pad VARCHAR(2000))");
      s.execute("CREATE TABLE IF NOT EXISTS ctr (id INT PRIMARY KEY, v BIGINT)");
      s.execute("MERGE INTO ctr KEY(id) VALUES (1, 0)");
      c.setAutoCommit(false);
      String pad = "x".repeat(500);
      for (int n = 0; ; n++) {
        String id = run + "-" + n;
        s.executeUpdate("UPDATE ctr SET v = v + 1 WHERE id = 1");
        insert(c, "t", id, pad);
        insert(c, "q", id + "-a", pad);
        insert(c, "q", id + "-b", pad);
        c.commit();
        System.out.println("OK " + id);
        System.out.flush();
        s.executeUpdate("DELETE FROM q WHERE id LIKE '" + id + "-%'");
        c.commit();
        Thread.sleep(5);
      }
    }
  }

  private static void insert(Connection c, String table, String id, String pad) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
      p.setString(1, id);
      p.setString(2, pad);
      p.executeUpdate();
    }
  }
}
