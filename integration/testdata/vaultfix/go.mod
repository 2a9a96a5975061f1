module example.com/vaultfix

go 1.26
