# Device entries of a user: new ones, ones that merge over built-in entries
# (the same vendor, product and revision strings), one that differs from a
# built-in entry only by its revision; every keyword a device entry takes
# that mpath-boot keeps.
defaults {
	user_friendly_names yes
	find_multipaths yes
	polling_interval 10
	no_path_retry queue
	path_checker directio
	allow_usb_devices yes
	max_sectors_kb 512
}
blacklist {
	devnode "^loop"
	wwid "3600a0b80000dead"
	device {
		vendor "ACME"
		product "Blocked"
	}
	device {
		vendor "EMC"
		product "LUNZ"
	}
}
blacklist_exceptions {
	property "(ID_WWN|SCSI_IDENT_)"
	device {
		vendor "IBM"
		product "Universal Xport"
	}
}
devices {
	device {
		vendor "ACME"
		product "Disk"
		revision "10"
		product_blacklist "Ctl"
		path_grouping_policy group_by_prio
		uid_attribute ID_WWN
		path_selector "round-robin 0"
		checker tur
		alias_prefix "acme"
		features "2 pg_init_retries 50"
		hardware_handler "1 alua"
		prio alua
		prio_args "exclusive_pref_bit"
		failback immediate
		rr_weight priorities
		no_path_retry 12
		rr_min_io 100
		rr_min_io_rq 2
		flush_on_last_del yes
		fast_io_fail_tmo 5
		dev_loss_tmo infinity
		user_friendly_names no
		retain_attached_hw_handler no
		detect_prio no
		detect_checker no
		skip_kpartx yes
		vpd_vendor hp3par
	}
	device {
		vendor "EMC"
		product "SYMMETRIX"
		no_path_retry 3
	}
	device {
		vendor "NETAPP"
		product "LUN"
		revision "8"
		prio const
	}
	device {
		vendor "^DGC"
		product "^(RAID|DISK|VRAID)"
		product_blacklist "LUNX"
		failback 30
	}
}
overrides {
	path_checker tur
	dev_loss_tmo 600
	no_path_retry 5
}
multipaths {
	multipath {
		wwid 3600b
		alias data
		failback manual
	}
	multipath {
		wwid 3600a
		alias root
		no_path_retry fail
	}
}
@@@@
# Merges over the main file's ACME entry (the same strings) and over a
# built-in entry.
devices {
	device {
		vendor "ACME"
		product "Disk"
		revision "10"
		no_path_retry 20
		product_blacklist "Controller"
	}
	device {
		vendor "3PARdata"
		product "VV"
		path_grouping_policy multibus
	}
}
