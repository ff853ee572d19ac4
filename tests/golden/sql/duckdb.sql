SELECT cutoff_g AS "g
rp /*", CASE WHEN cutoff_ok = 1 THEN CAST(cutoff_s0 AS VARCHAR) END AS "sc\ore`--x", CASE WHEN cutoff_ok = 1 THEN CAST(cutoff_s1 AS VARCHAR) END AS "p2", CASE WHEN cutoff_ok = 1 THEN SUM(CASE WHEN cutoff_y = 1 THEN cutoff_w ELSE 0 END) ELSE COUNT(*) END AS "positives",
       CASE WHEN cutoff_ok = 1 THEN SUM(CASE WHEN cutoff_y = 0 THEN cutoff_w ELSE 0 END) ELSE 0 END AS "negatives", 1 AS cutoff_weighted
FROM (SELECT CASE WHEN cutoff_ok = 1 THEN cutoff_s0 END AS cutoff_s0, CASE WHEN cutoff_ok = 1 THEN cutoff_s1 END AS cutoff_s1, CASE WHEN cutoff_ok = 1 THEN cutoff_g END AS cutoff_g, cutoff_ok, cutoff_y, cutoff_w
  FROM (SELECT cutoff_typed.*, CASE WHEN cutoff_y IS NOT NULL AND cutoff_s0 BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 AND cutoff_s1 BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 AND cutoff_w BETWEEN 0 AND 1.7976931348623157e308 THEN 1 ELSE 0 END AS cutoff_ok
    FROM (SELECT CAST("sc\ore`--x" AS DOUBLE) AS cutoff_s0,
          CAST("p2" AS DOUBLE) AS cutoff_s1,
          CASE WHEN "la""b'el;" IS NULL OR LOWER(TRIM(CAST("la""b'el;" AS VARCHAR))) IN ('', 'na', 'n/a', 'nan', 'null') THEN NULL WHEN TRIM(CAST("la""b'el;" AS VARCHAR)) = 'it''s \ "yes";
--' THEN 1 ELSE 0 END AS cutoff_y,
          CAST("w\" AS DOUBLE) AS cutoff_w, "g
rp /*" AS cutoff_g
          FROM sales.scored AS cutoff_src) AS cutoff_typed) AS cutoff_checked) AS cutoff_kept
GROUP BY cutoff_ok, cutoff_g, cutoff_s0, cutoff_s1
-- --bins 100
WITH cutoff_kept AS (SELECT CASE WHEN cutoff_ok = 1 THEN cutoff_s0 END AS cutoff_s0, cutoff_ok, cutoff_y, cutoff_w
  FROM (SELECT cutoff_typed.*, CASE WHEN cutoff_y IS NOT NULL AND cutoff_s0 BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 AND cutoff_w BETWEEN 0 AND 1.7976931348623157e308 THEN 1 ELSE 0 END AS cutoff_ok
    FROM (SELECT CAST("score" AS DOUBLE) AS cutoff_s0,
          CASE WHEN "label" IS NULL OR LOWER(TRIM(CAST("label" AS VARCHAR))) IN ('', 'na', 'n/a', 'nan', 'null') THEN NULL WHEN LOWER(TRIM(CAST("label" AS VARCHAR))) IN ('1', '1.0', 'true', 't', 'yes', 'y', 'pos', 'positive', '+1') THEN 1 WHEN LOWER(TRIM(CAST("label" AS VARCHAR))) IN ('0', '0.0', 'false', 'f', 'no', 'n', 'neg', 'negative', '-1') THEN 0 END AS cutoff_y,
          1 AS cutoff_w
          FROM (SELECT * FROM sales.scored WHERE day = '2026-12-01') AS cutoff_src) AS cutoff_typed) AS cutoff_checked),
cutoff_range AS (SELECT MIN(cutoff_s0) AS cutoff_lo, MAX(cutoff_s0) AS cutoff_hi FROM cutoff_kept WHERE cutoff_ok = 1),
cutoff_binned AS (SELECT cutoff_kept.*, CASE WHEN cutoff_ok = 0 THEN NULL WHEN cutoff_s0 >= cutoff_hi THEN 99 ELSE FLOOR((cutoff_s0 - cutoff_lo) / (cutoff_hi - cutoff_lo) * 100) END AS cutoff_bin FROM cutoff_kept CROSS JOIN cutoff_range)
SELECT CASE WHEN cutoff_ok = 1 THEN CAST(MIN(cutoff_s0) AS VARCHAR) END AS "score", CASE WHEN cutoff_ok = 1 THEN SUM(CASE WHEN cutoff_y = 1 THEN cutoff_w ELSE 0 END) ELSE COUNT(*) END AS "positives",
       CASE WHEN cutoff_ok = 1 THEN SUM(CASE WHEN cutoff_y = 0 THEN cutoff_w ELSE 0 END) ELSE 0 END AS "negatives", 100 AS cutoff_bins
FROM cutoff_binned
GROUP BY cutoff_ok, cutoff_bin
-- --confirm 0.25
SELECT cutoff_g AS "f", SUM(CASE WHEN cutoff_ok = 1 AND cutoff_y = 1 AND cutoff_s0 >= CAST(0.25 AS DOUBLE) THEN cutoff_w ELSE 0 END) AS tp,
       SUM(CASE WHEN cutoff_ok = 1 AND cutoff_y = 0 AND cutoff_s0 >= CAST(0.25 AS DOUBLE) THEN cutoff_w ELSE 0 END) AS fp,
       SUM(CASE WHEN cutoff_ok = 1 AND cutoff_y = 1 AND cutoff_s0 < CAST(0.25 AS DOUBLE) THEN cutoff_w ELSE 0 END) AS fn,
       SUM(CASE WHEN cutoff_ok = 1 AND cutoff_y = 0 AND cutoff_s0 < CAST(0.25 AS DOUBLE) THEN cutoff_w ELSE 0 END) AS tn,
       SUM(1 - cutoff_ok) AS skipped
FROM (SELECT CASE WHEN cutoff_ok = 1 THEN cutoff_s0 END AS cutoff_s0, CASE WHEN cutoff_ok = 1 THEN cutoff_g END AS cutoff_g, cutoff_ok, cutoff_y, cutoff_w
  FROM (SELECT cutoff_typed.*, CASE WHEN cutoff_y IS NOT NULL AND cutoff_s0 BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 AND cutoff_w BETWEEN 0 AND 1.7976931348623157e308 THEN 1 ELSE 0 END AS cutoff_ok
    FROM (SELECT CAST("score" AS DOUBLE) AS cutoff_s0,
          CASE WHEN "label" IS NULL OR LOWER(TRIM(CAST("label" AS VARCHAR))) IN ('', 'na', 'n/a', 'nan', 'null') THEN NULL WHEN LOWER(TRIM(CAST("label" AS VARCHAR))) IN ('1', '1.0', 'true', 't', 'yes', 'y', 'pos', 'positive', '+1') THEN 1 WHEN LOWER(TRIM(CAST("label" AS VARCHAR))) IN ('0', '0.0', 'false', 'f', 'no', 'n', 'neg', 'negative', '-1') THEN 0 END AS cutoff_y,
          1 AS cutoff_w, "f" AS cutoff_g
          FROM (WITH x AS (SELECT 1) SELECT * FROM t) AS cutoff_src) AS cutoff_typed) AS cutoff_checked) AS cutoff_kept
GROUP BY cutoff_g
