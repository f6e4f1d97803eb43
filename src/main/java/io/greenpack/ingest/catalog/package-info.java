/**
 * The small tables of a data directory, read whole in plain Java with one reject per bad row:
 * the host inventory ({@link io.greenpack.ingest.catalog.HostInventory}), the application
 * catalog ({@link io.greenpack.ingest.catalog.AppCatalog}, {@link io.greenpack.ingest.catalog.AppInfo})
 * and the target hardware catalog ({@link io.greenpack.ingest.catalog.TargetCatalog});
 * {@link io.greenpack.ingest.catalog.SmallTables} holds what the three share.
 *
 * <p>Separate because they are read whole on the driver, before and apart from the samples (their
 * hosts decide which samples are kept); they read rows through the {@code read} part.
 */
package io.greenpack.ingest.catalog;
