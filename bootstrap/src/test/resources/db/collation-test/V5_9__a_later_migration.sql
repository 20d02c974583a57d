-- Test only (KeysAndIdsCompareByteForByteTest): a migration written after the collation fix, as the
-- migrations V6-V9 of other features are: one table with no collation of its own, one column with a
-- case-insensitive one. Both must end up comparing byte for byte.
CREATE TABLE later_collation_probe (
    probe_key    VARCHAR(40)  NOT NULL,
    label        VARCHAR(40)  COLLATE utf8mb4_general_ci NOT NULL,
    PRIMARY KEY (probe_key),
    UNIQUE (label)
);
