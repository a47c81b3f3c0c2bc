/* main.c
 *
 * Copyright 2026 The Triptych authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tri-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TriApplication) app = NULL;

  const char *localedir = g_getenv ("TRIPTYCH_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build folder (build-aux/dev run, meson devenv): the
   * translations built there, not those of an installed copy. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tri_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
