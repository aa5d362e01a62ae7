# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(720, 480)
        self.mainLayout = QVBoxLayout(BackupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(BackupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.backupsTable = QTableWidget(BackupDialog)
        if (self.backupsTable.columnCount() < 4):
            self.backupsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.backupsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.backupsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.backupsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.backupsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.backupsTable.setObjectName(u"backupsTable")
        self.backupsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backupsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsTable.setAlternatingRowColors(True)
        self.backupsTable.setWordWrap(False)
        self.backupsTable.horizontalHeader().setStretchLastSection(True)
        self.backupsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.backupsTable)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.createButton = QPushButton(BackupDialog)
        self.createButton.setObjectName(u"createButton")

        self.actionsLayout.addWidget(self.createButton)

        self.restoreButton = QPushButton(BackupDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.actionsLayout.addWidget(self.restoreButton)

        self.copyButton = QPushButton(BackupDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.actionsLayout.addWidget(self.copyButton)

        self.checkButton = QPushButton(BackupDialog)
        self.checkButton.setObjectName(u"checkButton")

        self.actionsLayout.addWidget(self.checkButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.mainLayout.addLayout(self.actionsLayout)

        self.statusLabel = QLabel(BackupDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.rotationBox = QGroupBox(BackupDialog)
        self.rotationBox.setObjectName(u"rotationBox")
        self.rotationLayout = QHBoxLayout(self.rotationBox)
        self.rotationLayout.setObjectName(u"rotationLayout")
        self.dailyCaption = QLabel(self.rotationBox)
        self.dailyCaption.setObjectName(u"dailyCaption")

        self.rotationLayout.addWidget(self.dailyCaption)

        self.dailySpin = QSpinBox(self.rotationBox)
        self.dailySpin.setObjectName(u"dailySpin")
        self.dailySpin.setMinimum(1)
        self.dailySpin.setMaximum(366)
        self.dailySpin.setValue(7)

        self.rotationLayout.addWidget(self.dailySpin)

        self.weeklyCaption = QLabel(self.rotationBox)
        self.weeklyCaption.setObjectName(u"weeklyCaption")

        self.rotationLayout.addWidget(self.weeklyCaption)

        self.weeklySpin = QSpinBox(self.rotationBox)
        self.weeklySpin.setObjectName(u"weeklySpin")
        self.weeklySpin.setMinimum(0)
        self.weeklySpin.setMaximum(260)
        self.weeklySpin.setValue(4)

        self.rotationLayout.addWidget(self.weeklySpin)

        self.monthlyCaption = QLabel(self.rotationBox)
        self.monthlyCaption.setObjectName(u"monthlyCaption")

        self.rotationLayout.addWidget(self.monthlyCaption)

        self.monthlySpin = QSpinBox(self.rotationBox)
        self.monthlySpin.setObjectName(u"monthlySpin")
        self.monthlySpin.setMinimum(0)
        self.monthlySpin.setMaximum(240)
        self.monthlySpin.setValue(12)

        self.rotationLayout.addWidget(self.monthlySpin)

        self.rotationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rotationLayout.addItem(self.rotationSpacer)

        self.saveRotationButton = QPushButton(self.rotationBox)
        self.saveRotationButton.setObjectName(u"saveRotationButton")

        self.rotationLayout.addWidget(self.saveRotationButton)


        self.mainLayout.addWidget(self.rotationBox)

        self.buttonBox = QDialogButtonBox(BackupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dailyCaption.setBuddy(self.dailySpin)
        self.weeklyCaption.setBuddy(self.weeklySpin)
        self.monthlyCaption.setBuddy(self.monthlySpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BackupDialog)

        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Cadangan & Pemulihan", None))
        self.introLabel.setText(QCoreApplication.translate("BackupDialog", u"Cadangan basis data PC ini. Cadangan otomatis dibuat sekali sehari saat aplikasi terbuka; cadangan manual, sebelum pemulihan dan sebelum pembaruan skema tidak pernah dihapus. Simpan salinan di diska lain (USB) sesekali.", None))
        ___qtablewidgetitem = self.backupsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("BackupDialog", u"Tanggal (WIB)", None))
        ___qtablewidgetitem1 = self.backupsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("BackupDialog", u"Jenis", None))
        ___qtablewidgetitem2 = self.backupsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("BackupDialog", u"Ukuran", None))
        ___qtablewidgetitem3 = self.backupsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("BackupDialog", u"Kampanye", None))
        self.createButton.setText(QCoreApplication.translate("BackupDialog", u"&Buat Cadangan Sekarang", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupDialog", u"&Pulihkan\u2026", None))
        self.copyButton.setText(QCoreApplication.translate("BackupDialog", u"&Salin ke\u2026", None))
        self.checkButton.setText(QCoreApplication.translate("BackupDialog", u"Periksa &Keutuhan", None))
#if QT_CONFIG(tooltip)
        self.checkButton.setToolTip(QCoreApplication.translate("BackupDialog", u"Pemeriksaan keutuhan lengkap basis data yang sedang dipakai (termasuk indeks)", None))
#endif // QT_CONFIG(tooltip)
        self.rotationBox.setTitle(QCoreApplication.translate("BackupDialog", u"Rotasi cadangan otomatis", None))
#if QT_CONFIG(tooltip)
        self.rotationBox.setToolTip(QCoreApplication.translate("BackupDialog", u"Yang disimpan: cadangan otomatis terbaru dari setiap hari, minggu dan bulan terakhir yang memilikinya; yang lain dihapus pada cadangan otomatis berikutnya.", None))
#endif // QT_CONFIG(tooltip)
        self.dailyCaption.setText(QCoreApplication.translate("BackupDialog", u"&Harian:", None))
        self.weeklyCaption.setText(QCoreApplication.translate("BackupDialog", u"&Mingguan:", None))
        self.monthlyCaption.setText(QCoreApplication.translate("BackupDialog", u"B&ulanan:", None))
        self.saveRotationButton.setText(QCoreApplication.translate("BackupDialog", u"Simpan &Rotasi", None))
    # retranslateUi

