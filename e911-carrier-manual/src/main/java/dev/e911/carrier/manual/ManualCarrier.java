package dev.e911.carrier.manual;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisionedBinding;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.validation.Violations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link CarrierAdapter} for carriers with no provisioning API (Lumen: the 911 record of each
 * number is kept in the Control Center portal). {@link #provision} and {@link #remove} queue a
 * {@link WorksheetRow} and answer {@code Pending}; {@link #worksheetCsv()} renders the queue as an
 * RFC 4180, formula-safe CSV for an administrator to enter in the portal; and
 * {@link #importConfirmations(String)} reads their confirmation CSV ({@code request_id},
 * {@code status} {@code DONE}/{@code REJECTED}, optional {@code portal_reference} and
 * {@code note}), after which {@link #readBack} finds what was confirmed. Read-back therefore
 * reports what the administrator confirmed, not a live read of the portal. There is no address
 * validation ({@code Unsupported}) and no dynamic endpoints. State is in memory; after a restart,
 * re-import the confirmation files (importing is idempotent) and provision again (request ids are
 * derived from content, so nothing is queued twice). Thread-safe.
 */
public final class ManualCarrier implements CarrierAdapter {

  /** The largest confirmation file read: 4 Mi characters. */
  public static final int MAX_CONFIRMATION_CHARS = 4 << 20;

  private final String id;
  private final String portal;
  private final Clock clock;

  // guarded by this
  private final Map<BindingKey, Held> confirmed = new HashMap<>();
  private final Map<BindingKey, WorksheetRow> pending = new LinkedHashMap<>();
  private final Map<String, List<String>> rejectedRequests = new HashMap<>();
  private final Set<String> completedRequests = new HashSet<>();

  private record Held(DispatchableAddress address, String callerName, String reference) {}

  private ManualCarrier(Builder b) {
    this.id = b.id;
    this.portal = b.portal;
    this.clock = b.clock;
  }

  /** A builder: id {@code manual}, portal "the carrier's portal", a clock is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The worksheet's columns, in order: the mapping table. */
  public static List<String> worksheetColumns() {
    return Worksheet.COLUMNS;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public CarrierCapabilities capabilities() {
    return new CarrierCapabilities(
        false, // addressValidation: no API; validate with another source
        false, // suggestsCorrections
        true,  // numberBinding: one 911 record per telephone number
        false, // dynamicEndpoints
        false, // pidfLoByValue: not documented, so not claimed
        false, // locationByReference
        false, // testCall933: not documented, so not claimed
        false, // notificationWebhook
        true,  // readBack: what the administrator confirmed, not a live read of the portal
        true,  // asynchronousOrders: every change waits for a person
        true); // manualProvisioning
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    return new AddressValidationResult.Unsupported(
        id + " has no address validation API; validate with another carrier or an MSAG/LoST source");
  }

  @Override
  public ProvisioningResult provision(Binding binding) {
    Objects.requireNonNull(binding, "binding");
    BindingKey key = binding.key();
    if (!(binding instanceof Binding.NumberBinding)) {
      return new ProvisioningResult.Unsupported(key, id + " binds telephone numbers only, not dynamic endpoints");
    }
    List<String> unmappable = Worksheet.unmappable(binding.address());
    if (!unmappable.isEmpty()) {
      return new ProvisioningResult.Rejected(key, unmappable);
    }
    synchronized (this) {
      Held held = confirmed.get(key);
      WorksheetRow queued = pending.get(key);
      boolean asConfirmed = held != null && held.address().sameCivicAddress(binding.address())
          && held.callerName().equals(binding.callerName());
      if (asConfirmed && queued == null) {
        return new ProvisioningResult.Done(key, held.reference(), false);
      }
      // after a queued DELETE the administrator may already have deleted the record: add it again
      WorksheetRow.Action action = held == null || queued != null && queued.action() == WorksheetRow.Action.DELETE
          ? WorksheetRow.Action.ADD : WorksheetRow.Action.UPDATE;
      WorksheetRow row = row(action, key, binding.callerName(), binding.address());
      List<String> reasons = rejectedRequests.get(row.requestId());
      if (reasons != null) {
        return new ProvisioningResult.Rejected(key, reasons);
      }
      if (queued == null || !queued.requestId().equals(row.requestId())) {
        pending.put(key, row); // replaces (supersedes) an earlier queued change of this number
        queued = row;
      }
      return pending(queued);
    }
  }

  @Override
  public ProvisioningResult remove(BindingKey key) {
    Objects.requireNonNull(key, "key");
    synchronized (this) {
      Held held = confirmed.get(key);
      WorksheetRow queued = pending.get(key);
      if (held == null && queued == null) {
        return new ProvisioningResult.Done(key, "", true);
      }
      if (queued != null && queued.action() == WorksheetRow.Action.DELETE) {
        return pending(queued);
      }
      // delete even when only an ADD was queued: the administrator may have entered it already
      WorksheetRow row = held != null ? row(WorksheetRow.Action.DELETE, key, held.callerName(), held.address())
          : row(WorksheetRow.Action.DELETE, key, queued.callerName(), queued.address());
      pending.put(key, row);
      return pending(row);
    }
  }

  @Override
  public synchronized ReadBackResult readBack(BindingKey key) {
    Objects.requireNonNull(key, "key");
    Held held = confirmed.get(key);
    return held == null ? new ReadBackResult.NotFound(key)
        : new ReadBackResult.Found(new ProvisionedBinding(key, held.address(), held.reference()));
  }

  /** The changes waiting for the administrator, oldest first. */
  public synchronized List<WorksheetRow> pendingRows() {
    return List.copyOf(pending.values());
  }

  /** The worksheet: a header and one row per pending change, RFC 4180 with CRLF, formula-safe. */
  public String worksheetCsv() {
    StringBuilder csv = new StringBuilder(Csv.record(Worksheet.COLUMNS));
    for (WorksheetRow row : pendingRows()) {
      csv.append(Csv.record(Worksheet.cells(row)));
    }
    return csv.toString();
  }

  /**
   * Imports an administrator's confirmation CSV. Columns are found by header name (any order, any
   * case, extra columns ignored): {@code request_id} and {@code status} ({@code DONE} or
   * {@code REJECTED}) are required, {@code portal_reference} and {@code note} optional. A row for a
   * request that is no longer pending (superseded, or never issued) is reported, not applied.
   */
  public ConfirmationImport importConfirmations(String csv) {
    Objects.requireNonNull(csv, "csv");
    List<ConfirmationImport.Problem> problems = new ArrayList<>();
    if (csv.length() > MAX_CONFIRMATION_CHARS) {
      problems.add(new ConfirmationImport.Problem(0, "the file is larger than " + MAX_CONFIRMATION_CHARS + " characters"));
      return new ConfirmationImport(0, 0, 0, problems);
    }
    List<List<String>> records;
    try {
      records = Csv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
    } catch (Csv.SyntaxException e) {
      problems.add(new ConfirmationImport.Problem(e.line(), "not CSV: " + e.getMessage()));
      return new ConfirmationImport(0, 0, 0, problems);
    }
    if (records.isEmpty()) {
      problems.add(new ConfirmationImport.Problem(1, "the file is empty; expected a header with request_id and status"));
      return new ConfirmationImport(0, 0, 0, problems);
    }
    Map<String, Integer> header = new HashMap<>();
    List<String> names = records.get(0);
    for (int i = 0; i < names.size(); i++) {
      header.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    if (!header.containsKey("request_id") || !header.containsKey("status")) {
      problems.add(new ConfirmationImport.Problem(1, "the header must name the columns request_id and status"));
      return new ConfirmationImport(0, 0, 0, problems);
    }
    int applied = 0;
    int rejected = 0;
    int again = 0;
    synchronized (this) {
      for (int r = 1; r < records.size(); r++) {
        int line = r + 1;
        List<String> record = records.get(r);
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        String requestId = cell(record, header.get("request_id"));
        String status = cell(record, header.get("status")).toUpperCase(Locale.ROOT);
        String reference = cell(record, header.getOrDefault("portal_reference", -1));
        String note = cell(record, header.getOrDefault("note", -1));
        if (!status.equals("DONE") && !status.equals("REJECTED")) {
          problems.add(new ConfirmationImport.Problem(line, "status must be DONE or REJECTED"));
          continue;
        }
        WorksheetRow row = pending.values().stream().filter(p -> p.requestId().equals(requestId)).findFirst()
            .orElse(null);
        if (row == null) {
          if (completedRequests.contains(requestId) || rejectedRequests.containsKey(requestId)) {
            again++;
          } else {
            problems.add(new ConfirmationImport.Problem(line, "request " + requestId
                + " is not pending: it was superseded by a newer change of the same number, or never issued"));
          }
          continue;
        }
        pending.remove(row.key());
        if (status.equals("REJECTED")) {
          rejectedRequests.put(requestId, List.of("the administrator rejected request " + requestId
              + (note.isEmpty() ? "" : ": " + note)));
          rejected++;
          continue;
        }
        completedRequests.add(requestId);
        if (row.action() == WorksheetRow.Action.DELETE) {
          confirmed.remove(row.key());
        } else {
          confirmed.put(row.key(), new Held(row.address(), row.callerName(), reference.isEmpty() ? requestId : reference));
        }
        applied++;
      }
    }
    return new ConfirmationImport(applied, rejected, again, problems);
  }

  @Override
  public String toString() {
    return "ManualCarrier[" + id + ", portal=" + portal + "]";
  }

  private static String cell(List<String> record, int index) {
    return index >= 0 && index < record.size() ? Csv.unguard(record.get(index).trim()) : "";
  }

  private ProvisioningResult pending(WorksheetRow row) {
    return new ProvisioningResult.Pending(row.key(), row.requestId(), "QUEUED for manual " + row.action().name()
        + " in " + portal);
  }

  private WorksheetRow row(WorksheetRow.Action action, BindingKey key, String callerName, DispatchableAddress address) {
    WorksheetRow draft = new WorksheetRow("-", action, key, callerName, address, clock.instant());
    List<String> cells = Worksheet.cells(draft);
    // the id covers action, number, caller name and address columns, not the id or the time
    String content = String.join("\u001f", cells.subList(1, cells.size() - 1));
    return new WorksheetRow(requestId(content), action, key, callerName, address, draft.queuedAt());
  }

  private static String requestId(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "M-" + HexFormat.of().formatHex(digest, 0, 8).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Builds a {@link ManualCarrier}; {@link #build()} reports every bad setting at once. */
  public static final class Builder {
    private String id = "manual";
    private String portal = "the carrier's portal";
    private Clock clock;

    private Builder() {}

    /** The carrier id (lower case), e.g. {@code lumen}; it must equal the provider's name. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** The portal's name as administrators know it, shown in {@code Pending} statuses. */
    public Builder portal(String portal) {
      this.portal = portal;
      return this;
    }

    /** The clock that stamps queued rows. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @throws dev.e911.api.validation.InvalidValueException naming every bad setting
     */
    public ManualCarrier build() {
      Violations v = Violations.forType("ManualCarrier");
      v.check(id == null || !id.matches("[a-z][a-z0-9-]{0,31}"), "id", "syntax",
          "must be 1 to 32 lower-case letters, digits or hyphens, starting with a letter");
      v.check(portal == null || portal.isBlank(), "portal", "required", "is required");
      v.check(clock == null, "clock", "required", "is required");
      v.throwIfAny();
      return new ManualCarrier(this);
    }
  }
}
