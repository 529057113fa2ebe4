// SPDX-License-Identifier: GPL-2.0
/*
 * Builds the kernel's interrupt simulator (kernel/irq/irq_sim.c, CONFIG_IRQ_SIM) as a loadable
 * module, because Debian's kernel leaves it out and gpio-sim needs it.
 *
 * run.sh copies irq_sim.c from the linux-source package of the booted kernel's exact version
 * next to this file and replaces its one use of irq_to_desc(), which is not exported to modules,
 * by the exported equivalent (see run.sh, "patch irq_sim.c"). The file itself is not kept in
 * this repository.
 */
#include <linux/module.h>
#include "irq_sim.c"

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Interrupt simulator (kernel/irq/irq_sim.c) built as a module for gpio-sim");
