# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_where.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QLabel, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_FirstStartWherePage(object):
    def setupUi(self, FirstStartWherePage):
        if not FirstStartWherePage.objectName():
            FirstStartWherePage.setObjectName(u"FirstStartWherePage")
        self.mainLayout = QVBoxLayout(FirstStartWherePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.localRadio = QRadioButton(FirstStartWherePage)
        self.localRadio.setObjectName(u"localRadio")
        self.localRadio.setChecked(True)

        self.mainLayout.addWidget(self.localRadio)

        self.localLabel = QLabel(FirstStartWherePage)
        self.localLabel.setObjectName(u"localLabel")
        self.localLabel.setWordWrap(True)
        self.localLabel.setIndent(24)
        self.localLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.localLabel)

        self.serverRadio = QRadioButton(FirstStartWherePage)
        self.serverRadio.setObjectName(u"serverRadio")

        self.mainLayout.addWidget(self.serverRadio)

        self.serverLabel = QLabel(FirstStartWherePage)
        self.serverLabel.setObjectName(u"serverLabel")
        self.serverLabel.setWordWrap(True)
        self.serverLabel.setIndent(24)
        self.serverLabel.setTextFormat(Qt.TextFormat.RichText)
        self.serverLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.serverLabel)

        self.saveSpacer = QSpacerItem(20, 16, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.saveSpacer)

        self.saveLabel = QLabel(FirstStartWherePage)
        self.saveLabel.setObjectName(u"saveLabel")
        self.saveLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.saveLabel)

        self.errorLabel = QLabel(FirstStartWherePage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)


        self.retranslateUi(FirstStartWherePage)

        QMetaObject.connectSlotsByName(FirstStartWherePage)
    # setupUi

    def retranslateUi(self, FirstStartWherePage):
        FirstStartWherePage.setTitle(QCoreApplication.translate("FirstStartWherePage", u"Tempat data", None))
        FirstStartWherePage.setSubTitle(QCoreApplication.translate("FirstStartWherePage", u"Di mana kampanye, petugas dan akun disimpan.", None))
        self.localRadio.setText(QCoreApplication.translate("FirstStartWherePage", u"&Hanya PC ini (disarankan untuk mulai)", None))
        self.serverRadio.setText(QCoreApplication.translate("FirstStartWherePage", u"Se&rver kantor (PostgreSQL, dipakai bersama beberapa PC)", None))
        self.serverLabel.setText(QCoreApplication.translate("FirstStartWherePage", u"<p>Server disiapkan sekali oleh administrator, di server itu, sebelum PC lain memakainya:</p><p><code>python main.py --database postgresql://server:5432/wawaran init-server --login NAMA</code></p><p>Asisten ini tidak menyiapkan server. Setelah asisten selesai, buka <b>Pengaturan \u2192 Basis Data\u2026</b>, pilih <b>Server kantor</b>, isi alamatnya, tekan <b>Uji koneksi</b> lalu <b>Simpan dan pindah</b>, dan masuk dengan login server Anda. Sampai saat itu data disimpan di PC ini.</p>", None))
        self.saveLabel.setText(QCoreApplication.translate("FirstStartWherePage", u"Tekan Simpan untuk menyimpan profil kantor, administrator dan tim sekaligus. Bila ada isian yang ditolak, asisten kembali ke langkahnya dan tidak ada yang tersimpan.", None))
    # retranslateUi

